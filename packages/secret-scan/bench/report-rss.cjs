// Preloaded by bench/run.mjs with `node -r`: reports this process's peak RSS (KB) on exit.
process.on('exit', () => process.stderr.write(`\ndhmad-scan-max-rss-kb=${process.resourceUsage().maxRSS}\n`));
