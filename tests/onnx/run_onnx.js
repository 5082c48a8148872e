#!/usr/bin/env node
/**
 * Runs exported ONNX models in ONNX Runtime (onnxruntime-node) for the ONNX
 * differential harness (tests/onnx/run_onnx_diff.py).
 *
 * Usage: node tests/onnx/run_onnx.js MANIFEST.json
 *
 * MANIFEST is a JSON list of {"id": str, "model": path, "args": [ARG, ...]}
 * where each ARG is exactly what `pygraft run` takes: a JSON literal (`3`,
 * `-2.5`, `true`, `[[1,2],[3,4]]`) or `@path.npy`. The arguments become the
 * model's inputs in session.inputNames order, by NumPy's rules: a JSON int is
 * an int64 tensor of shape [], a float float64 [], a bool bool [], a nested
 * list np.array(list) (any float: float64, else any int: int64, else bool;
 * `[]` is float64 of shape [0]), a .npy file its dtype and shape.
 *
 * Prints one line per case, in manifest order:
 *   {"id": ..., "outputs": [OUT, ...]}   OUT as `pygraft run` prints it:
 *       {"dtype": "float64", "shape": [2], "data": [1.0, 2.5]}
 *   {"id": ..., "error": "message"}      when the arguments, the model or the run fail.
 * All cases run in this one process (one session per model file), because
 * starting Node and ONNX Runtime costs more than running a small model.
 */
'use strict';

const fs = require('fs');
const path = require('path');

/** onnxruntime-node from the repository root's node_modules (not from the
 * caller's directory), so the script works from any cwd and in a worktree. */
function loadOrt() {
  const root = path.resolve(__dirname, '..', '..');
  return require(require.resolve('onnxruntime-node', {paths: [root]}));
}

// ------------------------------------------------------------ JSON arguments

/** A tagged float, so that `2.0` stays a float next to the BigInt ints. */
class JsonFloat {
  constructor(value) {
    this.value = value;
  }
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/**
 * Parses one JSON argument keeping what JSON.parse loses: ints as BigInt
 * (exact beyond 2^53) and floats as JsonFloat (`2.0` is not `2`). Lists,
 * numbers, true, false and null; strings and objects are not tensors.
 */
function parseJsonArg(text) {
  let pos = 0;
  const fail = (what) => {
    throw new Error(`argument ${text}: ${what} at offset ${pos}`);
  };
  const skipSpace = () => {
    while (pos < text.length && ' \t\r\n'.includes(text[pos])) pos++;
  };
  const parseList = () => {
    const items = [];
    pos++;  // '['
    skipSpace();
    if (text[pos] === ']') {
      pos++;
      return items;
    }
    for (;;) {
      items.push(parseValue());
      skipSpace();
      if (text[pos] === ',') {
        pos++;
      } else if (text[pos] === ']') {
        pos++;
        return items;
      } else {
        fail('expected , or ]');
      }
    }
  };
  const parseNumber = () => {
    const m = /^-?(?:0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?/.exec(text.slice(pos));
    if (!m) fail('invalid JSON');
    pos += m[0].length;
    if (m[1] || m[2]) return new JsonFloat(Number(m[0]));
    const value = BigInt(m[0]);
    if (value < INT64_MIN || value > INT64_MAX) {
      throw new Error(`argument ${text}: integer ${m[0]} does not fit in int64`);
    }
    return value;
  };
  const parseValue = () => {
    skipSpace();
    if (text[pos] === '[') return parseList();
    if (text[pos] === '"' || text[pos] === '{') fail('strings and objects are not ONNX tensors');
    for (const [word, value] of [['true', true], ['false', false], ['null', null]]) {
      if (text.startsWith(word, pos)) {
        pos += word.length;
        return value;
      }
    }
    return parseNumber();
  };
  const value = parseValue();
  skipSpace();
  if (pos !== text.length) fail('unexpected text after the value');
  return value;
}

/** The kind of one parsed JSON leaf: 'float', 'int' or 'bool'. */
function leafKind(leaf) {
  if (leaf instanceof JsonFloat) return 'float';
  if (typeof leaf === 'bigint') return 'int';
  if (typeof leaf === 'boolean') return 'bool';
  if (leaf === null) throw new Error('null (None) is not an ONNX tensor');
  throw new Error(`unexpected JSON value ${leaf}`);
}

/** np.array(list)'s shape: the lengths along first elements, checked to be
 * the same everywhere (a ragged list is an error, as in NumPy 2). */
function listShape(list) {
  const shape = [];
  for (let node = list; Array.isArray(node); node = node[0]) {
    shape.push(node.length);
    if (node.length === 0) break;
  }
  const check = (node, depth) => {
    const wantList = depth < shape.length;
    if (Array.isArray(node) !== wantList || (wantList && node.length !== shape[depth])) {
      throw new Error(`inhomogeneous shape after ${Math.min(depth, shape.length)} dimensions: ` +
                      'np.array needs lists of equal length');
    }
    if (wantList) node.forEach((item) => check(item, depth + 1));
  };
  check(list, 0);
  return shape;
}

/** A nested list as np.array(list): float64 if any leaf is a float, else
 * int64 if any is an int, else bool; no elements at all is float64. */
function listTensor(ort, list) {
  const shape = listShape(list);
  const leaves = list.flat(Infinity);
  const kinds = new Set(leaves.map(leafKind));
  if (kinds.has('float') || leaves.length === 0) {
    const data = Float64Array.from(leaves, (v) => (v instanceof JsonFloat ? v.value : Number(v)));
    return new ort.Tensor('float64', data, shape);
  }
  if (kinds.has('int')) {
    return new ort.Tensor('int64', BigInt64Array.from(leaves, (v) => BigInt(v)), shape);
  }
  return new ort.Tensor('bool', Uint8Array.from(leaves, (v) => (v ? 1 : 0)), shape);
}

/** One parsed JSON argument as a tensor: a Python scalar is rank 0. */
function jsonTensor(ort, value) {
  if (Array.isArray(value)) return listTensor(ort, value);
  switch (leafKind(value)) {
    case 'float':
      return new ort.Tensor('float64', Float64Array.of(value.value), []);
    case 'int':
      return new ort.Tensor('int64', BigInt64Array.of(value), []);
    default:
      return new ort.Tensor('bool', Uint8Array.of(value ? 1 : 0), []);
  }
}

// ------------------------------------------------------------ .npy arguments

/** descr type code (without the byte order) -> [ONNX type, typed array]. */
const NPY_TYPES = {
  b1: ['bool', Uint8Array],
  u1: ['uint8', Uint8Array],
  i1: ['int8', Int8Array],
  i2: ['int16', Int16Array],
  u2: ['uint16', Uint16Array],
  i4: ['int32', Int32Array],
  u4: ['uint32', Uint32Array],
  i8: ['int64', BigInt64Array],
  u8: ['uint64', BigUint64Array],
  f2: ['float16', Uint16Array],  // raw half bits, as onnxruntime takes them without Float16Array
  f4: ['float32', Float32Array],
  f8: ['float64', Float64Array],
};

/** The header dict of a .npy file: {descr, fortranOrder, shape, dataOffset}. */
function parseNpyHeader(bytes, file) {
  const magic = Buffer.from([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]);  // \x93NUMPY
  if (bytes.length < 10 || !bytes.subarray(0, 6).equals(magic)) {
    throw new Error(`${file}: not a .npy file`);
  }
  const major = bytes[6];
  const long = major >= 2;
  const headerLength = long ? bytes.readUInt32LE(8) : bytes.readUInt16LE(8);
  const start = long ? 12 : 10;
  const header = bytes.toString('latin1', start, start + headerLength);
  const descr = /'descr'\s*:\s*'([<>|=]?)([a-z]\d+)'/.exec(header);
  const fortran = /'fortran_order'\s*:\s*(True|False)/.exec(header);
  const shape = /'shape'\s*:\s*\(([^)]*)\)/.exec(header);
  if (!descr || !fortran || !shape) throw new Error(`${file}: unreadable .npy header ${header}`);
  return {
    byteOrder: descr[1],
    code: descr[2],
    fortranOrder: fortran[1] === 'True',
    shape: shape[1].split(',').map((s) => s.trim()).filter((s) => s !== '').map(Number),
    dataOffset: start + headerLength,
  };
}

/** Reorders Fortran-order elements into C order (the order ONNX tensors use). */
function fortranToC(data, shape) {
  const out = new data.constructor(data.length);
  const rank = shape.length;
  const index = new Array(rank).fill(0);
  for (let c = 0; c < data.length; c++) {
    let f = 0;
    for (let axis = rank - 1; axis >= 0; axis--) f = f * shape[axis] + index[axis];
    out[c] = data[f];
    for (let axis = rank - 1; axis >= 0 && ++index[axis] === shape[axis]; axis--) index[axis] = 0;
  }
  return out;
}

/** A .npy file (little-endian, C or Fortran order) as a tensor of its dtype and shape. */
function npyTensor(ort, file) {
  const bytes = fs.readFileSync(file);
  const header = parseNpyHeader(bytes, file);
  const type = NPY_TYPES[header.code];
  if (!type) throw new Error(`${file}: dtype ${header.code} is not supported`);
  const [onnxType, ArrayType] = type;
  if (header.byteOrder === '>' && ArrayType.BYTES_PER_ELEMENT > 1) {
    throw new Error(`${file}: big-endian .npy files are not supported`);
  }
  const count = header.shape.reduce((a, b) => a * b, 1);
  const size = count * ArrayType.BYTES_PER_ELEMENT;
  if (bytes.length - header.dataOffset !== size) {
    throw new Error(`${file}: ${bytes.length - header.dataOffset} data bytes, shape ` +
                    `(${header.shape}) needs ${size}`);
  }
  // A copy: the typed array needs an aligned buffer of its own.
  const copy = new Uint8Array(size);
  copy.set(bytes.subarray(header.dataOffset));
  let data = new ArrayType(copy.buffer);
  if (header.fortranOrder) data = fortranToC(data, header.shape);
  return new ort.Tensor(onnxType, data, header.shape);
}

/** One command-line style argument as an input tensor. */
function argumentTensor(ort, text) {
  if (text.startsWith('@')) return npyTensor(ort, text.slice(1));
  return jsonTensor(ort, parseJsonArg(text));
}

// ------------------------------------------------------------ outputs

/** Float text that reads back as the same value and as a float (`1.0`, not `1`). */
function floatText(value, digitsThatRoundTrip) {
  if (Number.isNaN(value)) return '"nan"';
  if (value === Infinity) return '"inf"';
  if (value === -Infinity) return '"-inf"';
  if (Object.is(value, -0)) return '-0.0';
  const text = digitsThatRoundTrip(value);
  return /[.e]/.test(text) ? text : text + '.0';
}

/** The shortest decimal text that rounds back to `value` under `round`. */
function shortestText(value, round) {
  for (let digits = 1; digits < 17; digits++) {
    const text = String(Number(value.toPrecision(digits)));
    if (round(Number(text)) === value) return text;
  }
  return String(value);
}

/** IEEE half bits -> the number they encode. */
function halfToNumber(bits) {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >> 10) & 0x1f;
  const fraction = bits & 0x3ff;
  if (exponent === 0) return sign * fraction * 2 ** -24;
  if (exponent === 0x1f) return fraction ? NaN : sign * Infinity;
  return sign * (1 + fraction / 1024) * 2 ** (exponent - 15);
}

/** Rounds a number to the nearest half (ties to even), as a number. */
function roundToHalf(value) {
  if (!Number.isFinite(value) || value === 0) return value;
  const magnitude = Math.abs(value);
  if (magnitude >= 65520) return Math.sign(value) * Infinity;
  const exponent = Math.max(Math.floor(Math.log2(magnitude)), -14);
  const step = 2 ** (exponent - 10);
  let units = magnitude / step;
  const floor = Math.floor(units);
  const rest = units - floor;
  units = rest > 0.5 || (rest === 0.5 && floor % 2 === 1) ? floor + 1 : floor;
  return Math.sign(value) * units * step;
}

/** Element formatters per ONNX type: JSON text of one element of tensor.data. */
const ELEMENT_TEXT = {
  float64: (v) => floatText(v, String),
  float32: (v) => floatText(v, (x) => shortestText(x, Math.fround)),
  float16: (v) => floatText(v, (x) => shortestText(x, roundToHalf)),
  bool: (v) => (v ? 'true' : 'false'),
};
const INT_TYPES =
    new Set(['int8', 'int16', 'int32', 'int64', 'uint8', 'uint16', 'uint32', 'uint64']);

/** The element values of an output tensor as numbers/BigInts/bools; half
 * bits are decoded (onnxruntime hands float16 out as Uint16Array bits). */
function elementValues(tensor) {
  if (tensor.type === 'float16' && tensor.data instanceof Uint16Array) {
    return Array.from(tensor.data, halfToNumber);
  }
  return tensor.data;
}

/** One output tensor as `pygraft run` prints it: dtype, shape, nested data. */
function formatOutput(tensor) {
  const format = ELEMENT_TEXT[tensor.type] || (INT_TYPES.has(tensor.type) ? String : null);
  if (!format) throw new Error(`output of type ${tensor.type} has no pygraft dtype`);
  const values = elementValues(tensor);
  const shape = tensor.dims.map(Number);
  const nest = (axis, offset, stride) => {
    if (axis === shape.length) return format(values[offset]);
    const inner = shape[axis] === 0 ? 0 : stride / shape[axis];
    const items = [];
    for (let i = 0; i < shape[axis]; i++) items.push(nest(axis + 1, offset + i * inner, inner));
    return '[' + items.join(', ') + ']';
  };
  const count = shape.reduce((a, b) => a * b, 1);
  const data = nest(0, 0, count);
  return `{"dtype": "${tensor.type}", "shape": [${shape.join(', ')}], "data": ${data}}`;
}

// ------------------------------------------------------------ running

/** Session options: one thread each, since the models are tiny and the
 * harness creates one session per case (a thread pool each would cost more
 * than the run, and one thread keeps float sums in one order). */
const SESSION_OPTIONS = {intraOpNumThreads: 1, interOpNumThreads: 1};

/** Feeds for a session from a case's arguments, in session.inputNames order
 * (the exporter names the inputs after the Python parameters, in order). */
function buildFeeds(ort, session, args) {
  const names = session.inputNames;
  if (names.length !== args.length) {
    throw new Error(`the model has ${names.length} inputs (${names.join(', ')}), ` +
                    `the case gives ${args.length} arguments`);
  }
  const feeds = {};
  names.forEach((name, i) => {
    feeds[name] = argumentTensor(ort, args[i]);
  });
  return feeds;
}

/** Runs one case in its session; returns its output line's text. */
async function runCase(ort, session, entry) {
  const results = await session.run(buildFeeds(ort, session, entry.args));
  const outputs = session.outputNames.map((name, i) => {
    if (name !== `output_${i}`) throw new Error(`output ${i} is named ${name}, not output_${i}`);
    return formatOutput(results[name]);
  });
  return `{"id": ${JSON.stringify(entry.id)}, "outputs": [${outputs.join(', ')}]}`;
}

/** The error line of a case. */
function errorLine(entry, error) {
  const message = error instanceof Error ? error.message : String(error);
  return `{"id": ${JSON.stringify(entry.id)}, "error": ${JSON.stringify(message)}}`;
}

/**
 * Runs the manifest's cases in order, printing a line for each. A model's
 * session is created at its first case and released after its last, so
 * that thousands of models do not hold thousands of sessions at once.
 */
async function runManifest(ort, manifest) {
  const usesLeft = new Map();
  for (const entry of manifest) usesLeft.set(entry.model, (usesLeft.get(entry.model) || 0) + 1);
  const sessions = new Map();  // model path -> Promise<InferenceSession>
  for (const entry of manifest) {
    if (!sessions.has(entry.model)) {
      sessions.set(entry.model, ort.InferenceSession.create(entry.model, SESSION_OPTIONS));
    }
    let line;
    try {
      line = await runCase(ort, await sessions.get(entry.model), entry);
    } catch (e) {
      line = errorLine(entry, e);
    }
    process.stdout.write(line + '\n');
    usesLeft.set(entry.model, usesLeft.get(entry.model) - 1);
    if (usesLeft.get(entry.model) === 0) {
      const session = await sessions.get(entry.model).catch(() => null);
      if (session) await session.release();
      sessions.delete(entry.model);
    }
  }
}

async function main(argv) {
  if (argv.length !== 3) {
    process.stderr.write('usage: node run_onnx.js MANIFEST.json\n');
    return 2;
  }
  const ort = loadOrt();
  await runManifest(ort, JSON.parse(fs.readFileSync(argv[2], 'utf8')));
  return 0;
}

main(process.argv).then((code) => {
  process.exitCode = code;
});
