// A catalogue of TypeScript syntax for the ESTree adapter's test (not a fixture: nothing runs it).
import mongoose, { type ClientSession, Schema as S } from 'mongoose';
import type { Model } from 'mongoose';
import fs = require('fs');
import type * as types from './types';
export type { Model };
export * from './reexport';

declare const declared: number;
declare function overloaded(a: string): string;
declare module 'ambient' { export const x: number; }
declare global { interface Window { tx: unknown } }
namespace Space { export const inner = 1; }
enum Color { Red, Green = 'g', Blue = 1 << 2 }
const enum Flags { A = 1 }

type Primitive = string | number | boolean | bigint | symbol | null | undefined | void | never | unknown | any | object;
type Mapped<T> = { readonly [K in keyof T]?: T[K] };
type Minus<T> = { -readonly [K in keyof T]-?: T[K] };
type Remapped<T> = { [K in keyof T as `get${Capitalize<string & K>}`]: () => T[K] };
type Conditional<T> = T extends Promise<infer U> ? U : T extends (infer V)[] ? V : never;
type Tuple = [first: string, second?: number, ...rest: boolean[]];
type Fn = (a: string, b?: number, ...c: unknown[]) => void;
type Ctor = abstract new (x: number) => object;
type Parenthesized = (A | B)[] | ((x: number) => void) | (((C)));
type Query = typeof import('mongoose').Model<unknown>;
type Keys = keyof typeof Color;
type Indexed = Primitive[number];
type Template = `prefix-${string}-suffix`;
type Literal = 'a' | 1 | -1 | true | 10n;
type Guard = (x: unknown) => x is string;
type Asserts = (x: unknown) => asserts x is string;
type This = (this: Window) => this;
type Unique = unique symbol;
type Readonly_ = readonly string[];
type Generic<T extends object = {}, U = never> = Map<T, U>;
type Qualified = mongoose.Types.ObjectId;

interface Shape<T> extends Base<T>, mongoose.Document {
  readonly id: string;
  name?: string;
  [key: string]: unknown;
  method<U>(a: U): T;
  optional?(): void;
  (call: number): string;
  new (build: number): Shape<T>;
  get accessor(): string;
  set accessor(v: string);
}
interface Base<T> { base: T }

class Root {}
abstract class Service<T extends object> extends Root implements Shape<T>, Base<T> {
  @Inject() private readonly model!: Model<T>;
  protected static instances: number = 0;
  public declare base: T;
  declare id: string;
  override toString(): string { return ''; }
  [key: string]: unknown;
  abstract run(session: ClientSession): Promise<void>;
  protected abstract readonly label: string;
  constructor(@InjectModel('x') private readonly injected: Model<T>, public other?: string) { super(); }
  @Transactional({ retries: 2 })
  async save(@Body() dto: Partial<T>, session?: ClientSession): Promise<T | null> {
    const created = await this.model.create([dto], { session });
    return created[0]! as unknown as T;
  }
  overload(a: string): string;
  overload(a: number): number;
  overload(a: unknown): unknown { return a; }
  get value(): number { return 1; }
  static create<T extends object>(this: new () => Service<T>): Service<T> { return new this(); }
  method<U,>(x: U): U { return x; }
  optional?(): void;
  #hidden: number = 1;
}

function asserts(x: unknown): asserts x is string {}
function guard(this: void, x: unknown): x is number { return typeof x === 'number'; }
function generic<T, const U extends readonly unknown[]>(a: T, ...rest: U): [T, ...U] { return [a, ...rest]; }
const arrowGeneric = <T,>(x: T): T => x;
const asyncGeneric = async <T>(x: T): Promise<T> => x;
const noReturn = <T>(x: T) => x;
const asserted = <string>(declared as unknown);
const nonNull = document!.body!.children![0]!;
const chained = window?.tx!.a?.b!.c;
const satisfied = { a: 1 } satisfies Record<string, number>;
const instantiated = generic<string>;
let definite!: string;
const { p, q }: { p: string; q: number } = { p: '', q: 1, };
const [first, second]: [string, number] = ['', 1];
function defaults({ a = 1, b }: { a?: number; b: string }, [c]: number[] = [], d: string = `${b}`) { return a + c + d; }
export default Service;
