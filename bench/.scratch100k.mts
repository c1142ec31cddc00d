import { measureSearch } from './searchMetrics.ts';
const t = performance.now();
const r = await measureSearch('/work/main', '/tmp/bench-100k-site', ['2411.13321']);
console.log(JSON.stringify(r, null, 1), ((performance.now() - t) / 1000).toFixed(0), 's');
