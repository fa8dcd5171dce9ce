#!/usr/bin/env node
'use strict';
"use client";
// A catalogue of JavaScript syntax for the ESTree adapter's test (not a fixture: nothing runs it).
/* a block comment */
const mongoose = require('mongoose');
const { a, b: [c, d = 1, ...rest], ...others } = mongoose;
let e = 1_000, f = 0x1f, g = 10n, h = /ab+c/gi, i = `x${a}y${(b)}z`, j = tag`t${e}`;
var k = (1, 2), l = (((a))), m = typeof a === 'string' ? !a : void 0;
label: for (let n = 0; n < 3; n++) { if (n) continue label; else break label; }
for (const key in others) delete others[key];
for (const [x, y] of Object.entries(others)) x + y;
for (;;) break;
while ((a)) { a--; }
do { a++; } while (a < 3);
switch ((a)) { case 1: case (2): a = 3; break; default: a = 4; }
try { throw new Error('x', { cause: a }); } catch ({ message }) { message; } finally { a = 0; }
try { a(); } catch { a = 1; }
async function* gen(p, q = 2, { r } = {}, [s] = [], ...t) { yield p; yield* q; await r; for await (const u of s) u; }
function plain(single) { 'use strict'; return single?.a?.b.c?.(1)?.[2] ?? (single?.d).e; }
const obj = {
  a, b: 1, 'c': 2, 3: 4, [a + b]: 5, ...others,
  method() { return super.method?.(); },
  get value() { return this._v; },
  set value(v) { this._v = v; },
  async *agen() {},
  async amethod(x,) {},
};
const arrows = [async () => {}, async (x) => x, async x => x, (x, y) => ({ x, y }), () => (a, b), (...z) => z,];
class Base { constructor(x) { this.x = x; } }
class Derived extends (Base) {
  #secret = 1;
  static count = 0;
  static #hidden;
  field;
  static { Derived.count++; }
  constructor(...args) { super(...args); new.target; }
  #privateMethod() { return #secret in this ? this.#secret : 0; }
  get #p() { return 1; }
  static async *[Symbol.iterator]() {}
  'quoted'() {}
  42() {}
}
const Expr = class Named {};
new Derived;
new (Derived)(1,);
(function iife() {})();
(async () => { await import('./x.js'); await import(`./${a}.js`,); })();
a = b = c;
a ||= b; a &&= c; a ??= d; a **= 2;
a = -(-a); a = +!~a; a++; --a;
a = (a, b) ? (c) : (d);
if (a) b(); else if (c) d(); else { e(); }
export default class {}
export { a as aa, e as ee };
export * from './other.js';
export * as nsx from './ns2.js';
export const z = 1, zz = 2;
export function fn() {}
import def, { named as alias, other } from './mod.js';
import * as ns from './ns.js';
import './side.js';
import json from './data.json' with { type: 'json' };
console.log(import.meta.url, def, alias, other, ns, json);
a.then(
  (h = async (r) => r),
);
b((c),);
b((c), d,);
debugger;
;
