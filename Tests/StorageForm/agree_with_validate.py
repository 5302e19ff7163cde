#!/usr/bin/env python3
"""The storage form's checks against `docgen validate`, config by config. Part of `make test`.

The project's docs are built with the docgen binary given as the first argument; the form's data
block is taken from the built guide page and its script from the built site, so what is tested is
what the page ships. Every config is checked by both, under Node for the form, and the two must
agree on the verdict and on the list of (JSON pointer, message, line, column). Configs: the
validator's fixtures (YAML ones as JSON), configs from the shared generator when it is there, and
variations below that reach every kind of message. Skips, saying why, when Node is missing.
"""
import glob, html, json, os, random, re, shutil, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DOCGEN = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build", "debug", "docgen"))
GENERATOR = os.environ.get("DOCGEN_GEN_CONFIGS", "/work/shared/bench/gen-configs.py")
GUIDE = "docs/guide/attach-cloud-storage/index.html"


def skip(reason):
    print(f"storage form agreement skipped: {reason}")
    sys.exit(0)


def fixtures(folder):
    """The validator's fixtures as JSON files; YAML ones through PyYAML when it is installed."""
    paths = sorted(glob.glob(os.path.join(ROOT, "Tests", "CLITests", "Fixtures", "configs", "*")))
    out = []
    for path in paths:
        if path.endswith(".json"):
            target = os.path.join(folder, "fixture-" + os.path.basename(path))
            shutil.copy(path, target)
            out.append(target)
        elif path.endswith((".yaml", ".yml")):
            try:
                import yaml
            except ImportError:
                print(f"  {os.path.basename(path)} left out: PyYAML is not installed")
                continue
            target = os.path.join(folder, "fixture-" + os.path.basename(path) + ".json")
            with open(path, encoding="utf-8") as f, open(target, "w", encoding="utf-8") as g:
                json.dump(yaml.safe_load(f), g, indent=2)
            out.append(target)
    return out


VALID = [
    {"provider_type": "AWS_S3_BUCKET", "resource": "acme-cvat-frames", "display_name": "Street scenes (S3)",
     "credentials_type": "KEY_SECRET_KEY_PAIR", "key": "EXAMPLE-KEY-ID", "secret_key": "EXAMPLE-SECRET",
     "specific_attributes": "region=eu-central-1", "manifests": ["frames/manifest.jsonl"]},
    {"provider_type": "AWS_S3_BUCKET", "resource": "xn--b2-bucket", "display_name": "B2", "credentials_type": "KEY_SECRET_KEY_PAIR",
     "key": "004a1b2c3d", "secret_key": "K004abc", "specific_attributes": "endpoint_url=https%3A%2F%2Fs3.us-west-004.backblazeb2.com&prefix=a%2F"},
    {"provider_type": "AZURE_CONTAINER", "resource": "street-scenes", "display_name": "Azure", "credentials_type": "ACCOUNT_NAME_TOKEN_PAIR",
     "account_name": "acmecvatdata", "session_token": "sv=2022&sig=abc"},
    {"provider_type": "AZURE_CONTAINER", "resource": "street", "display_name": "Azure cs", "credentials_type": "CONNECTION_STRING",
     "connection_string": "DefaultEndpointsProtocol=https;AccountKey=zz"},
    {"provider_type": "GOOGLE_CLOUD_STORAGE", "resource": "acme-cvat-gcs", "display_name": "GCS", "credentials_type": "KEY_FILE_PATH",
     "key_file": "secrets/key.json", "specific_attributes": "project=acme&location=EU", "description": ""},
    {"provider_type": "GOOGLE_CLOUD_STORAGE", "resource": "a.b_c", "display_name": "GCS anon", "credentials_type": "ANONYMOUS_ACCESS"},
]

# Values that break one rule each, or several at once, or the JSON itself.
MUTATIONS = [
    ("resource", "Bad_Bucket"), ("resource", "ab"), ("resource", "a" * 70), ("resource", "192.168.5.4"), ("resource", "my..bucket"),
    ("resource", "-bucket-"), ("resource", "xn--bucket"), ("resource", "bucket-s3alias"), ("resource", "googlebucket"),
    ("resource", "g00gle-x"), ("resource", "a--b"), ("resource", "   "), ("resource", 12345), ("resource", None), ("resource", ["x"]),
    ("resource", "ünïcødé"), ("resource", "x" * 230), ("display_name", "x" * 80), ("display_name", " "), ("display_name", 1.5),
    ("display_name", True), ("description", None), ("provider_type", "BACKBLAZE_B2"), ("provider_type", "aws_s3_bucket"),
    ("credentials_type", "KEY_FILE_PATH"), ("credentials_type", "ANONYMOUS_ACCESS"), ("credentials_type", "PASSWORD"),
    ("key", ""), ("key", "k" * 41), ("secret_key", "   "), ("session_token", "tok"), ("account_name", "Bad_Name!"),
    ("account_name", "ab"), ("connection_string", "x"), ("key_file", " "), ("specific_attributes", "region"),
    ("specific_attributes", "region=x&"), ("specific_attributes", "a=b=c"), ("specific_attributes", "=x"),
    ("specific_attributes", "&&"), ("specific_attributes", "colour=red&region=x"), ("specific_attributes", "prefix=/frames"),
    ("specific_attributes", "prefix=a%2F%2Fb"), ("specific_attributes", "endpoint_url=s3.example.com"),
    ("specific_attributes", "endpoint_url=https://user:pa55@host.example"), ("specific_attributes", "endpoint_url=https://a&endpoint_url=https://b"),
    ("specific_attributes", "endpoint_url=https://h/?sig=SECRETSIG&x"), ("specific_attributes", {"region": "x"}),
    ("specific_attributes", "project_id=x&location=y"), ("manifests", "manifest.jsonl"), ("manifests", [42]),
    ("manifests", ["", "/m.jsonl", "../m.jsonl", "./m.jsonl", "a//m.jsonl", "dir/", "m.json"]), ("manifests", ["m" * 1030 + ".jsonl"]),
    ("secret_access_key", "SECRET"), ("Resource", "x"), ("display-name", "x"), ("zzz_unknown", {"deep": [1, 2]}), ("$schema", "x.json"),
]

BROKEN = [
    "", "   \n", "{", "[1, 2", '{"resource": "abc",}', '{"resource": "abc" "x": 1}', '{"key": "AKIA\nSECRET"}',
    '{"secret_key": "wJalrXUtnFEMI', "{'resource': 'x'}", '{"a": NaN}', '{"a": tru}', '{"a": 01}', '{"a": 1.}',
    '{"a": -}', '{"a": 1e}', '{"a": "\\x"}', '{"a": "\\ud800"}', '{"a": 1} trailing', '{"a": 1, "a": 2}', '{"a": 1} // c',
    '\ufeff{"resource": 1}', '"just a string"', "[]", "42", "null", '{"resource": "\\u00e9t\\u00e9", "x": "\\ud83d\\ude00"}',
    "[" * 1005 + "]" * 1005, '{"display_name": "\U0001F600\U0001F600", "resource":\t"A"}',
]


def generated(folder):
    """Configs that reach every message: each valid example, each mutation of each, broken JSON."""
    rnd = random.Random(18)
    files = []
    def write(name, text):
        path = os.path.join(folder, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        files.append(path)
    for v, base in enumerate(VALID):
        write(f"valid-{v}.json", json.dumps(base, indent=2))
        for m, (key, value) in enumerate(MUTATIONS):
            config = dict(base)
            if value is None and key == "resource" and m % 2:
                config.pop(key)
            else:
                config[key] = value
            # Some files shuffle the members and compact the layout, so that positions vary.
            items = list(config.items())
            if rnd.random() < 0.3:
                rnd.shuffle(items)
            indent = rnd.choice([2, None, 4])
            write(f"mutation-{v}-{m}.json", json.dumps(dict(items), indent=indent, ensure_ascii=rnd.random() < 0.5))
    for b, text in enumerate(BROKEN):
        write(f"broken-{b}.json", text)
    return files


def main():
    node = shutil.which("node")
    if not node:
        skip("node is not installed (apt-get install nodejs)")
    if not os.path.exists(DOCGEN):
        sys.exit(f"{DOCGEN} does not exist: build docgen first")
    work = tempfile.mkdtemp(prefix="docgen-form-agree-")
    try:
        site = os.path.join(work, "site")
        subprocess.run([DOCGEN, "build", "--source", ROOT, "--destination", site], check=True, capture_output=True)
        page = open(os.path.join(site, GUIDE), encoding="utf-8").read()
        block = re.search(r'<script type="application/json" class="storage-form-data">(.*?)</script>', page, re.S)
        assert block, "the guide page has no storage-form data block"
        data_file = os.path.join(work, "form-data.json")
        with open(data_file, "w", encoding="utf-8") as f:
            f.write(block.group(1))
        script = os.path.join(site, "docgen-storage-form.js")
        configs = os.path.join(work, "configs")
        os.makedirs(configs)
        files = fixtures(configs)
        fixture_count = len(files)
        if os.path.exists(GENERATOR):
            shared = os.path.join(work, "shared")
            subprocess.run([sys.executable, GENERATOR, "300", shared], check=True)
            files += sorted(glob.glob(os.path.join(shared, "*.json")))
        else:
            print(f"  {GENERATOR} is missing: its 300 configs are left out")
        files += generated(configs)

        cli = subprocess.run([DOCGEN, "validate", "--format", "json", *files], capture_output=True, text=True)
        assert cli.returncode in (0, 1), f"docgen validate exited {cli.returncode}: {cli.stderr}"
        expected = {v["file"]: v for v in json.loads(cli.stdout)["files"]}
        form = subprocess.run([node, os.path.join(ROOT, "Tests", "StorageForm", "check_configs.js"), script, data_file, *files],
                              capture_output=True, text=True, check=True)
        result = json.loads(form.stdout)
        verdicts = messages = 0
        mismatches = []
        for got in result["files"]:
            want = expected[got["file"]]
            same_verdict = got["valid"] == want["valid"]
            want_errors = [{k: e[k] for k in ("pointer", "line", "column", "message")} for e in want["errors"]]
            same_messages = got["errors"] == want_errors
            verdicts += same_verdict
            messages += same_messages
            if not (same_verdict and same_messages):
                mismatches.append((got["file"], want_errors, got["errors"]))
        total = len(result["files"])
        invalid = sum(not v["valid"] for v in expected.values())
        problems = sum(len(v["errors"]) for v in expected.values())
        print(f"storage form vs docgen validate: {total} configs ({fixture_count} fixtures, {invalid} invalid, {problems} problems), "
              f"verdicts equal {verdicts}, messages equal {messages} (pointer, message, line:col); "
              f"the form's logic took {result['milliseconds']:.0f} ms for all")
        for file, want, got in mismatches[:10]:
            print(f"✘ {os.path.basename(file)}:\n  docgen validate: {want}\n  storage form:    {got}")
        sys.exit(1 if mismatches else 0)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
