// Preloaded (`node --import`) into every server process the sandbox and the tests spawn (Prism), so it
// can never outlive its parent. The parent holds the write end of the child's stdin pipe and never writes
// to it; when the parent dies for any reason (SIGKILL, a crash, an OOM kill) the kernel closes that end,
// stdin reads end-of-file here, and the child exits. No polling, no PID reuse race, no Linux-only call.
// Plain JavaScript: it runs in a plain `node`, without tsx.
process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
process.stdin.resume();
