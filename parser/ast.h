// The typed AST of the supported Python subset. The parser builds it from
// tree-sitter's concrete syntax tree; constructs outside the subset are
// reported as diagnostics by the parser and never appear here, except those
// that need name information to judge (calls, attributes), which the
// transform checks.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <variant>
#include <vector>

#include "support/source_range.h"

namespace pygraft::ast {

struct Expr;
struct Stmt;
using ExprPtr = std::unique_ptr<Expr>;
using StmtPtr = std::unique_ptr<Stmt>;
using Block = std::vector<StmtPtr>;

enum class BinaryOp {
  Add,
  Sub,
  Mul,
  Div,
  FloorDiv,
  Mod,
  Pow,
  MatMul,
  BitAnd,
  BitOr,
  BitXor,
  LShift,
  RShift
};
enum class UnaryOp { Neg, Pos, Invert, Not };
enum class CompareOp { Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn };
enum class BoolOp { And, Or };

// ---- expressions ----
struct Name {
  std::string id;
};
struct IntLiteral {
  int64_t value;
};
struct FloatLiteral {
  double value;
};
struct BoolLiteral {
  bool value;
};
struct NoneLiteral {};
struct StringLiteral {
  std::string value;
};  // only print/assert messages are valid uses
struct EllipsisLiteral {};
struct TupleExpr {
  std::vector<ExprPtr> elements;
};
struct ListExpr {
  std::vector<ExprPtr> elements;
};
struct BinaryExpr {
  BinaryOp op;
  ExprPtr lhs;
  ExprPtr rhs;
};
struct UnaryExpr {
  UnaryOp op;
  ExprPtr operand;
};
struct BoolOpExpr {
  BoolOp op;
  std::vector<ExprPtr> values;
};  // a and b and c
// a < b <= c: ops.size() == comparators.size()
struct CompareExpr {
  ExprPtr left;
  std::vector<CompareOp> ops;
  std::vector<ExprPtr> comparators;
};
struct IfExpr {
  ExprPtr test;
  ExprPtr body;
  ExprPtr orelse;
};  // body if test else orelse
// name == "**" for `f(**d)` (value: d), which only calls of functions of the
// file take (transform/ast_passes/expand_dict_splats.h).
struct Keyword {
  std::string name;
  ExprPtr value;
  SourceRange range;
};
struct CallExpr {
  ExprPtr func;
  std::vector<ExprPtr> args;
  std::vector<Keyword> keywords;
  // The index in args of a `*x` argument, -1 when none. Only zip(*xs) as
  // the iterable of a for loop takes one (transform/lower_for.cc); every
  // other call reports it. A second `*x` is reported by the parser.
  int starred_arg = -1;
};
struct AttributeExpr {
  ExprPtr value;
  std::string attr;
  SourceRange attr_range;
};
// a[i], a[i, j:k], a[None, :]: indices are the elements of the subscript
// (a SliceExpr, an EllipsisLiteral, NoneLiteral or any expression).
struct SubscriptExpr {
  ExprPtr value;
  std::vector<ExprPtr> indices;
  bool is_tuple_index = false;
};
struct SliceExpr {
  ExprPtr lower;
  ExprPtr upper;
  ExprPtr step;
};  // each may be null

// `for target in iter if c1 if c2` of a comprehension.
struct ComprehensionFor {
  ExprPtr target;
  ExprPtr iter;
  std::vector<ExprPtr> ifs;
};
// [element for ...] and the generator expression (element for ...), which
// the subset evaluates into a list (transform/ast_passes/hoist_comprehensions.h).
struct ListComp {
  ExprPtr element;
  std::vector<ComprehensionFor> generators;
  bool generator = false;  // written as a generator expression
};
// {key: value for ...}
struct DictComp {
  ExprPtr key;
  ExprPtr value;
  std::vector<ComprehensionFor> generators;
};
// {k0: v0, k1: v1}
struct DictExpr {
  std::vector<ExprPtr> keys;
  std::vector<ExprPtr> values;
};
// lambda a, b: body (plain positional parameters only)
struct Lambda {
  std::vector<std::string> params;
  ExprPtr body;
};

struct Expr {
  using Kind = std::variant<Name, IntLiteral, FloatLiteral, BoolLiteral, NoneLiteral, StringLiteral,
                            EllipsisLiteral, TupleExpr, ListExpr, BinaryExpr, UnaryExpr, BoolOpExpr,
                            CompareExpr, IfExpr, CallExpr, AttributeExpr, SubscriptExpr, SliceExpr,
                            ListComp, DictComp, DictExpr, Lambda>;
  Kind kind;
  SourceRange range;
};

// ---- statements ----
struct ExprStmt {
  ExprPtr value;
};
// a = b = value: targets in source order. A target is a Name, a TupleExpr /
// ListExpr of targets, or a SubscriptExpr.
struct Assign {
  std::vector<ExprPtr> targets;
  ExprPtr value;
};
struct AnnAssign {
  ExprPtr target;
  ExprPtr annotation;
  ExprPtr value;
};  // value may be null
struct AugAssign {
  ExprPtr target;
  BinaryOp op;
  ExprPtr value;
};
struct If {
  ExprPtr test;
  Block body;
  Block orelse;
};  // elif is an If alone in orelse
struct While {
  ExprPtr test;
  Block body;
  Block orelse;
};
// extra_test is never set by the parser: exit lowering (transform/ast_passes)
// adds it to stop a loop after `break`/`return`. When present it is evaluated
// before each iteration, before the next element is taken and the target is
// assigned; when false the loop ends (as if the iterator were exhausted).
struct For {
  ExprPtr target;
  ExprPtr iter;
  Block body;
  Block orelse;
  ExprPtr extra_test;
};
struct Break {};
struct Continue {};
struct Pass {};
struct Return {
  ExprPtr value;
};  // may be null
struct Assert {
  ExprPtr test;
  ExprPtr message;
};  // message may be null
// `raise ValueError("message")` or `raise NotImplementedError`: the
// exception as written (a name or a call of one); never null.
struct Raise {
  ExprPtr exception;
};

struct Stmt {
  using Kind = std::variant<ExprStmt, Assign, AnnAssign, AugAssign, If, While, For, Break, Continue,
                            Pass, Return, Assert, Raise>;
  Kind kind;
  SourceRange range;
};

// ---- module ----
struct Param {
  std::string name;
  ExprPtr default_value;  // may be null
  ExprPtr annotation;     // may be null
  SourceRange range;
};

// Names that appear in code the parser reported and left out (an unsupported
// statement or expression, or text with a syntax error). That code may have
// bound them, so the transform does not report them as undefined or maybe
// unbound: the first diagnostic already points at the cause.
using DroppedNames = std::set<std::string, std::less<>>;

struct FunctionDef {
  std::string name;
  std::vector<Param> params;
  Block body;              // docstring removed
  SourceRange range;       // the whole def
  SourceRange name_range;  // the function's name
  // Where its decorators begin (reported, PG0111); unset without any.
  std::optional<SourceRange> decorators;
  DroppedNames names_in_dropped_code;
  // Filled by transform/ before it rewrites the body: every name the body as
  // written binds. Python makes them local to the whole function even when the
  // binding is unreachable (and removed), so a read of one is an
  // UnboundLocalError at run time, not an undefined name.
  std::set<std::string, std::less<>> locals_as_written;
  // A parameter was reported and left out (*args, **kwargs, '*', a broken
  // parameter): calls to the function are not checked against `params`.
  bool signature_incomplete = false;
  // The function's text holds a syntax error. Error recovery may have moved
  // any of its tokens (an assignment can end up inside a parameter default),
  // so no name in it is reported as undefined or maybe unbound.
  bool has_syntax_error = false;
};

// `import numpy as np` gives {module "numpy", alias "np"}; `import math`
// gives {module "math", alias "math"}; `from math import sqrt as s` gives
// {module "math", alias "s", name "sqrt"}. Any module is recorded: whether
// compiled code may use it is the transform's question (an import of a
// module pygraft does not know is an error only where compiled code uses it).
struct Import {
  std::string module;
  std::string alias;
  SourceRange range;
  std::string name;  // the imported name of a from-import; empty for `import M`
};

// A top-level statement the parser reported and left out (a class, a
// decorated def, module-level code such as a training loop, a star import),
// with the names it binds: with `compile --entry`, what the compiled
// functions do not use is left out with a note instead of an error.
struct LeftOutItem {
  std::string what;  // "class 'Model'", "module-level code", ...
  std::set<std::string, std::less<>> binds;
  SourceRange range;  // the whole statement
  SourceRange head;   // where a note points: its first line
};

// A module-level `NAME = expr` (also `NAME: T = expr`).
struct ConstantDef {
  std::string name;
  ExprPtr value;
  SourceRange range;
};

struct Module {
  std::vector<Import> imports;
  std::vector<ConstantDef> constants;  // in source order
  std::vector<FunctionDef> functions;  // in source order
  DroppedNames names_in_dropped_code;  // top-level code that was left out
  std::vector<LeftOutItem> left_out;   // in source order
};

}  // namespace pygraft::ast
