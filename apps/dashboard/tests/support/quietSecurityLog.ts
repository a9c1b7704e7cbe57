// The route and model tests call loaders and actions in the test process, where every refusal they
// provoke on purpose writes a security log line (decision 067) to stderr: thousands of lines in a CI
// run. They are left out of the test output here. The tests of the security log itself read the
// stderr of a server they start (tests/reliability/securityLog.test.ts), which this does not touch;
// error lines and everything else still come through.
const write = process.stderr.write.bind(process.stderr);
process.stderr.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
  if (typeof chunk === "string" && chunk.startsWith('{"time":') && chunk.includes('"level":"security"')) return true;
  return (write as (chunk: string | Uint8Array, ...rest: unknown[]) => boolean)(chunk, ...rest);
}) as typeof process.stderr.write;
