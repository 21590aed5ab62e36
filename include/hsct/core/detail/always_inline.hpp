// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// HSCT_ALWAYS_INLINE, on its own so the smallest headers (thresholds, quantities) can use it
// without config.hpp's <atomic>. Not part of the public API.
#ifndef HSCT_CORE_DETAIL_ALWAYS_INLINE_HPP
#define HSCT_CORE_DETAIL_ALWAYS_INLINE_HPP

/// Asks the compiler to inline a small hot function (a unit conversion, a threshold comparison,
/// a rule's recorder): GCC's inliner otherwise gives up on them inside a large rule function,
/// and a call per comparison costs more than the comparison (docs/performance.md).
/// HSCT_NO_FORCE_INLINE (the coverage preset only) leaves inlining to the compiler, so that gcov
/// counts each comparison's branches once rather than once per call site they are forced into.
#if (defined(__GNUC__) || defined(__clang__)) && !defined(HSCT_NO_FORCE_INLINE)
#define HSCT_ALWAYS_INLINE [[gnu::always_inline]] inline
/// The same for a lambda, written after its parameter list: [&](int x) HSCT_LAMBDA_ALWAYS_INLINE {}
#define HSCT_LAMBDA_ALWAYS_INLINE __attribute__((always_inline))
#else
#define HSCT_ALWAYS_INLINE inline
#define HSCT_LAMBDA_ALWAYS_INLINE
#endif

#endif  // HSCT_CORE_DETAIL_ALWAYS_INLINE_HPP
