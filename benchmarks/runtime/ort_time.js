#!/usr/bin/env node
// ONNX Runtime's side of the runtime benchmark (benchmarks/runtime/run.py):
// runs one model exported by `pygraft compile --emit onnx` in
// onnxruntime-node on one thread.
//
//   node ort_time.js MODEL.onnx --out DIR   INPUT.npy...   run once, write the outputs
//   node ort_time.js MODEL.onnx --budget S  INPUT.npy...   time it
//
// The .npy files are the model's inputs in order (run.py saves Python numbers
// as 0-d arrays: int64, float64, bool). The session is created once with
// intraOpNumThreads = interOpNumThreads = 1 and sequential execution, the
// input tensors are made once from the files; neither is timed. Timing: one
// warm-up run (ONNX Runtime sizes its memory arena there), then
// `await session.run(feeds)` is timed call by call with
// process.hrtime.bigint() until S seconds have passed (at least 3 runs, at
// most 100 000), as run.py times the Python systems. Each timed call
// includes what a Node caller pays for a run: the binding's setImmediate hop,
// binding the input tensors, the graph, and handing the outputs back as JS
// tensors. Prints {"runs", "min_ns", "median_ns"} as JSON; with --out,
// {"outputs": [{"file": NAME.npy}, ...]} in the model's output order.
'use strict';

const fs = require('fs');
const path = require('path');

function loadOrt() {
  const roots = [path.join(__dirname, '..', '..', 'node_modules', 'onnxruntime-node'),
                 'onnxruntime-node'];
  for (const root of roots) {
    try {
      return require(root);
    } catch (e) {
      if (root === roots[roots.length - 1]) throw e;
    }
  }
}

// descr -> [ONNX Runtime tensor type, typed array constructor]
const DTYPES = {
  '<f4': ['float32', Float32Array],
  '<f8': ['float64', Float64Array],
  '<i8': ['int64', BigInt64Array],
  '<i4': ['int32', Int32Array],
  '<i2': ['int16', Int16Array],
  '|i1': ['int8', Int8Array],
  '<u8': ['uint64', BigUint64Array],
  '<u4': ['uint32', Uint32Array],
  '<u2': ['uint16', Uint16Array],
  '|u1': ['uint8', Uint8Array],
  '|b1': ['bool', Uint8Array],
};

function readNpy(ort, file) {
  const buf = fs.readFileSync(file);
  if (buf.readUInt8(0) !== 0x93 || buf.toString('latin1', 1, 6) !== 'NUMPY') {
    throw new Error(file + ': not a .npy file');
  }
  const major = buf.readUInt8(6);
  const headerLen = major === 1 ? buf.readUInt16LE(8) : buf.readUInt32LE(8);
  const start = major === 1 ? 10 : 12;
  const header = buf.toString('latin1', start, start + headerLen);
  const descr = /'descr':\s*'([^']+)'/.exec(header)[1];
  if (/'fortran_order':\s*True/.test(header)) throw new Error(file + ': Fortran order');
  const shapeText = /'shape':\s*\(([^)]*)\)/.exec(header)[1];
  const dims = shapeText.split(',').map((s) => s.trim()).filter((s) => s).map(Number);
  const kind = DTYPES[descr];
  if (!kind) throw new Error(file + ': dtype ' + descr + ' not supported here');
  const count = dims.reduce((a, b) => a * b, 1);
  const data = new kind[1](count);  // a fresh, aligned buffer
  const offset = start + headerLen;
  new Uint8Array(data.buffer).set(buf.subarray(offset, offset + data.byteLength));
  return new ort.Tensor(kind[0], data, dims);
}

function writeNpy(file, tensor) {
  const entry = Object.entries(DTYPES).find(([, v]) => v[0] === tensor.type);
  if (!entry) throw new Error('output type ' + tensor.type + ' not supported here');
  const dims = tensor.dims.map(Number);
  const shape = dims.length === 1 ? '(' + dims[0] + ',)' : '(' + dims.join(', ') + ')';
  let header = "{'descr': '" + entry[0] + "', 'fortran_order': False, 'shape': " + shape + ', }';
  const pad = 64 - ((10 + header.length + 1) % 64);
  header += ' '.repeat(pad % 64) + '\n';
  const head = Buffer.alloc(10);
  head.writeUInt8(0x93, 0);
  head.write('NUMPY', 1, 'latin1');
  head.writeUInt8(1, 6);
  head.writeUInt8(0, 7);
  head.writeUInt16LE(header.length, 8);
  const data = tensor.data;
  fs.writeFileSync(file, Buffer.concat([head, Buffer.from(header, 'latin1'),
    Buffer.from(data.buffer, data.byteOffset, data.byteLength)]));
}

async function main(argv) {
  const model = argv[0];
  let out = null;
  let budget = 0.3;
  const files = [];
  for (let i = 1; i < argv.length; i++) {
    if (argv[i] === '--out') out = argv[++i];
    else if (argv[i] === '--budget') budget = Number(argv[++i]);
    else files.push(argv[i]);
  }
  const ort = loadOrt();
  const session = await ort.InferenceSession.create(model, {
    intraOpNumThreads: 1,
    interOpNumThreads: 1,
    executionMode: 'sequential',
  });
  if (files.length !== session.inputNames.length) {
    throw new Error('the model has ' + session.inputNames.length + ' inputs (' +
                    session.inputNames.join(', ') + '), given ' + files.length);
  }
  const feeds = {};
  session.inputNames.forEach((name, i) => { feeds[name] = readNpy(ort, files[i]); });

  if (out !== null) {
    const results = await session.run(feeds);
    fs.mkdirSync(out, {recursive: true});
    const outputs = session.outputNames.map((name, i) => {
      const file = 'output_' + i + '.npy';
      writeNpy(path.join(out, file), results[name]);
      return {file};
    });
    process.stdout.write(JSON.stringify({outputs}) + '\n');
    return;
  }

  await session.run(feeds);  // warm-up
  const times = [];
  const deadline = process.hrtime.bigint() + BigInt(Math.round(budget * 1e9));
  while (times.length < 3 || (process.hrtime.bigint() < deadline && times.length < 100000)) {
    const start = process.hrtime.bigint();
    await session.run(feeds);
    times.push(Number(process.hrtime.bigint() - start));
  }
  times.sort((a, b) => a - b);
  const n = times.length;
  const median = n % 2 ? times[(n - 1) / 2] : (times[n / 2 - 1] + times[n / 2]) / 2;
  process.stdout.write(JSON.stringify({runs: n, min_ns: times[0], median_ns: median}) + '\n');
}

main(process.argv.slice(2)).catch((e) => {
  process.stderr.write(String(e && e.message ? e.message : e).split('\n')[0] + '\n');
  process.exit(1);
});
