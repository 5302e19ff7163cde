import Testing
import JSON
@testable import ConfigValidation

/// Spec §7: a secret is never shown: not in a message, not in any output format, valid or not,
/// wherever it sits (its own field, a field it does not belong in, an unknown key, broken JSON).
@Suite struct SecretTests {
    static let secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
    /// Pieces of it, so a message that quotes part of it is caught too.
    static let pieces = [secret, "wJalrXUtnFEMI", "K7MDENG", "bPxRfiCY", "EXAMPLEKEY"]

    /// (name, file, text, pointer where a problem must be reported)
    static let cases: [(String, String, String, String)] = [
        ("secret_key with anonymous access", "anon.json",
         Config.s3Anonymous.with("secret_key", .string(secret)).text, "/secret_key"),
        ("session_token with an S3 key pair", "session.json",
         Config.s3Pair.with("session_token", .string(secret)).text, "/session_token"),
        ("connection_string for Google", "gcs.json",
         Config.gcsAnonymous.with("connection_string", .string(secret)).text, "/connection_string"),
        ("misspelled key", "typo.json",
         Config.s3Pair.without("secret_key").with("aws_secret_access_key", .string(secret)).text, "/aws_secret_access_key"),
        ("unknown key holding an object", "nested.json",
         Config.s3Pair.with("credentials", ["secret": .string(secret)]).text, "/credentials"),
        ("secret_key too long", "long.json",
         Config.s3Pair.with("secret_key", .string(secret + secret)).text, "/secret_key"),
        ("key too long", "longkey.json",
         Config.s3Pair.with("key", .string(secret + "X")).text, "/key"),
        ("secret_key of the wrong type", "type.json",
         Config.s3Pair.with("secret_key", [.string(secret)]).text, "/secret_key"),
        ("key_file with anonymous access", "keyfile.json",
         Config.gcsAnonymous.with("key_file", .string(secret)).text, "/key_file"),
        ("cut off inside the secret", "cut.json",
         "{\n  \"provider_type\": \"AWS_S3_BUCKET\",\n  \"secret_key\": \"\(secret)", ""),
        ("raw newline inside the secret", "newline.json",
         "{\"secret_key\": \"wJalrXUtnFEMI/K7MDENG\nbPxRfiCYEXAMPLEKEY\"}", ""),
        ("quote inside the secret", "quote.json",
         "{\"secret_key\": \"wJalrXUtnFEMI\"/K7MDENG/bPxRfiCYEXAMPLEKEY\"}", ""),
        ("secret without quotes", "bare.json",
         "{\"secret_key\": \(secret)}", ""),
        ("YAML secret in a list", "list.yaml",
         "provider_type: AWS_S3_BUCKET\nresource: frames\ndisplay_name: F\ncredentials_type: KEY_SECRET_KEY_PAIR\nkey: AKIAIOSFODNN7EXAMPLE\nsecret_key: [\(secret)]\n", "/secret_key"),
        ("YAML unterminated secret", "open.yaml",
         "provider_type: AWS_S3_BUCKET\nsecret_key: \"\(secret)\n", ""),
        ("YAML misspelled key", "typo.yaml",
         "provider_type: AWS_S3_BUCKET\nresource: frames\ndisplay_name: F\ncredentials_type: ANONYMOUS_ACCESS\nSecret-Key: \(secret)\n", "/Secret-Key"),
    ]

    @Test func noProblemMessageQuotesASecret() {
        for (name, file, text, pointer) in Self.cases {
            let problems = Support.problems(text, file: file)
            #expect(!problems.isEmpty, "\(name): the config should be rejected")
            #expect(problems.contains { $0.pointer == pointer }, "\(name): \(Support.described(problems))")
            for problem in problems {
                for piece in Self.pieces {
                    #expect(!problem.message.contains(piece), "\(name): \(problem.message)")
                }
            }
        }
    }

    @Test(arguments: VerdictFormat.allCases)
    func noOutputFormatShowsASecret(format: VerdictFormat) {
        var verdicts = Self.cases.map { _, file, text, _ in
            FileVerdict(file: file, problems: Support.problems(text, file: file), unreadable: false)
        }
        // A valid config with a secret in its own place is not echoed either.
        let valid = Config.s3Pair.with("secret_key", .string(Self.secret))
        verdicts.append(FileVerdict(file: "valid.json", problems: Support.problems(valid), unreadable: false))
        #expect(verdicts.last?.valid == true)

        let output = format.render(verdicts)
        #expect(!output.isEmpty)
        #expect(output.contains("anon.json"))  // the output does report the files…
        for piece in Self.pieces {
            #expect(!output.contains(piece), "\(format): contains \(piece)")  // …but none of the secret
        }
    }

    @Test func misspelledSecretKeyGetsASuggestionButNotItsValue() {
        let problems = Support.problems(Config.s3Pair.without("secret_key").with("secret_access_key", .string(Self.secret)))
        #expect(Support.described(problems).contains(
            "/secret_access_key additionalProperties: unknown key 'secret_access_key': CVAT's form has no such field (its value is not shown, in case it is a secret); did you mean 'secret_key'?"))
    }

    /// A parse error names the character it stopped at only when that is JSON punctuation.
    @Test func parseErrorsDoNotQuoteLettersOfTheText() {
        let bare = Support.problems("{\"secret_key\": \(Self.secret)}", file: "bare.json")
        #expect(Support.described(bare) == [" parse: expected a value, found other text"])
        #expect(bare.first.map { "\($0.line):\($0.column)" } == "1:16")
        let fixture = Support.problems("{\n  \"provider_type\": \"AWS_S3_BUCKET\",\n  \"secret_key\": \"EXAMPLE-SECRET-cut\"off-here\"\n}\n", file: "broken.json")
        #expect(Support.located(fixture) == ["3:37  parse"])
        #expect(fixture.first?.message == "expected ',' or '}' after an object member, found other text")
        // Punctuation is kept: it helps and cannot be a secret.
        #expect(Support.problems("{\"a\": 1]", file: "p.json").first?.message == "expected ',' or '}' after an object member, found ']'")
    }

    /// Text after the JSON value: the parser says "unexpected 'w' after the end of the JSON value",
    /// and the quoted character may be the start of a secret.
    @Test func trailingTextIsNotQuoted() {
        let problems = Support.problems("{\"secret_key\": \"x\"}\nwJalrXUtnFEMI", file: "trailing.json")
        #expect(Support.located(problems) == ["2:1  parse"])
        #expect(problems.first.map { !$0.message.contains("'w'") } == true)
        #expect(problems.first?.message.contains("other text") == true)
    }

    /// Credentials inside URLs in fields that are not secret. Each value breaks a rule whose
    /// message quotes it (or its bad part), so the masking is what keeps the credential out.
    static let urlCases: [(String, Config, String)] = [
        ("password in endpoint_url", Config.s3Anonymous.with("specific_attributes", "endpoint_url=https://ci:wJalrXUtnFEMI@s3.example.com/?a=b"), "/specific_attributes"),
        ("percent-encoded password in endpoint_url", Config.s3Anonymous.with("specific_attributes", "endpoint_url=https%3A%2F%2Fci%3AK7MDENG%40s3.example.com%2F?a=b"), "/specific_attributes"),
        ("user name alone in endpoint_url", Config.s3Anonymous.with("specific_attributes", "endpoint_url=https://bPxRfiCY@h.example.com/?x=1"), "/specific_attributes"),
        ("X-Amz-Signature in a manifest", Config.s3Anonymous.with("manifests", [.string("https://h.io/m.json?X-Amz-Signature=EXAMPLEKEY")]), "/manifests/0"),
        ("X-Amz-Credential and token in a manifest", Config.s3Anonymous.with("manifests", [.string("/m?X-Amz-Credential=K7MDENG&token=bPxRfiCY")]), "/manifests/0"),
        ("Azure SAS signature in a manifest", Config.azureAnonymous.with("manifests", [.string("/m.json?sv=2022&sig=wJalrXUtnFEMI")]), "/manifests/0"),
        ("security token, key and password in a manifest", Config.s3Anonymous.with("manifests", [.string("/m.json?X-Amz-Security-Token=K7MDENG&key=EXAMPLEKEY&password=bPxRfiCY")]), "/manifests/0"),
        ("access_token in a manifest", Config.s3Anonymous.with("manifests", [.string("/a.json?access_token=wJalrXUtnFEMI")]), "/manifests/0"),
        ("URL with a password as a bucket name", Config.s3Anonymous.with("resource", "https://u:K7MDENG@h"), "/resource"),
        ("URL with a password as an account name", Config.azureAnonymous.with("account_name", "ftp://a:EXAMPLEKEY@x"), "/account_name"),
    ]

    @Test func credentialsInURLsAreMaskedInEveryField() {
        for (name, config, pointer) in Self.urlCases {
            let problems = Support.problems(config)
            #expect(problems.contains { $0.pointer == pointer && $0.message.contains("***") }, "\(name): \(Support.described(problems))")
            for problem in problems {
                for piece in Self.pieces { #expect(!problem.message.contains(piece), "\(name): \(problem.message)") }
            }
        }
    }

    @Test(arguments: VerdictFormat.allCases)
    func noOutputFormatShowsACredentialInAURL(format: VerdictFormat) {
        let verdicts = Self.urlCases.map { name, config, _ in FileVerdict(file: name, problems: Support.problems(config), unreadable: false) }
        let output = format.render(verdicts)
        #expect(output.contains("***"))
        for piece in Self.pieces { #expect(!output.contains(piece), "\(format): contains \(piece)") }
    }

    @Test func maskingKeepsEverythingButTheCredential() {
        let cases: [(String, String)] = [
            ("https://user:pw@host.example.com/path", "https://***@host.example.com/path"),
            ("endpoint_url=https://token@h.io&prefix=a/", "endpoint_url=https://***@h.io&prefix=a/"),
            ("https%3A%2F%2Fu%3Ap%40h.io", "https%3A%2F%2F***%40h.io"),
            ("/m.json?X-Amz-Algorithm=AWS4&X-Amz-Signature=abc&x=1", "/m.json?X-Amz-Algorithm=AWS4&X-Amz-Signature=***&x=1"),
            ("?SIG=abc;Token=def#KEY=ghi", "?SIG=***;Token=***#KEY=***"),
            ("https%3A%2F%2Fh%2F%3Fsig%3Dabc%26x%3D1", "https%3A%2F%2Fh%2F%3Fsig%3D***%26x%3D1"),
            // Not credentials: an e-mail address outside a URL, a key named like one but longer.
            ("mail ops@example.com", "mail ops@example.com"),
            ("region=eu-west-1&monkey=1", "region=eu-west-1&monkey=1"),
            ("frames", "frames"),
        ]
        for (input, expected) in cases { #expect(URLCredentials.masked(input) == expected, "\(input)") }
    }

    /// A "config" that is one string, such as a key pasted alone, is not quoted back.
    @Test func aDocumentThatIsOneStringIsNotQuoted() {
        let problems = Support.problems("\"\(Self.secret)\"", file: "pasted.json")
        #expect(!problems.isEmpty)
        for problem in problems { for piece in Self.pieces { #expect(!problem.message.contains(piece), "\(problem.message)") } }
    }
}
