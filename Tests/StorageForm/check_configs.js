// Runs the storage form's check logic (the script docgen ships, loaded as is) on config files,
// printing one verdict per file in the shape of `docgen validate --format json`.
// Usage: node check_configs.js docgen-storage-form.js form-data.json FILE...
"use strict";
const fs = require("fs");
const [script, dataFile, ...files] = process.argv.slice(2);
const logic = require(require("path").resolve(script));
const data = JSON.parse(fs.readFileSync(dataFile, "utf8"));
const check = logic.checker(data.schema, data.maskedParameters);
const started = process.hrtime.bigint();
const verdicts = files.map((file) => {
  const result = check.check(fs.readFileSync(file, "utf8"));
  return { file, valid: result.valid,
           errors: result.problems.map((p) => ({ pointer: p.pointer, line: p.line, column: p.column, message: p.message })) };
});
const ms = Number(process.hrtime.bigint() - started) / 1e6;
process.stdout.write(JSON.stringify({ files: verdicts, milliseconds: ms }));
