/*
 * Checks src/EniAgent.Cli/NativeLink/glibc-compat-math.c: each __wrap_NAME (NAME@GLIBC_2.2.5, what the shipped
 * binary calls) must return exactly what NAME (the current default version) returns, for special values and a
 * million pseudo-random doubles spread over every exponent. NaN counts as equal to NaN. Built and run by
 * tests/system/packages.sh, on this machine's glibc and inside the bullseye tree; prints one summary line and
 * exits 1 on the first difference.
 */
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

double __wrap_exp(double);
double __wrap_exp2(double);
double __wrap_log(double);
double __wrap_log2(double);
double __wrap_pow(double, double);

static uint64_t state = 0x9E3779B97F4A7C15u;

static double random_double(void) {
  state ^= state << 13; /* xorshift64: any bit pattern, so every exponent, sign, subnormal and NaN */
  state ^= state >> 7;
  state ^= state << 17;
  double d;
  memcpy(&d, &state, sizeof d);
  return d;
}

static int same(double a, double b) {
  if (isnan(a) && isnan(b)) return 1;
  return memcmp(&a, &b, sizeof a) == 0;
}

static long compared;

static int check1(const char *name, double (*wrapped)(double), double (*current)(double), double x) {
  double a = wrapped(x), b = current(x);
  compared++;
  if (same(a, b)) return 1;
  printf("FAIL %s(%a): GLIBC_2.2.5 gives %a, the default version %a\n", name, x, a, b);
  return 0;
}

static int check2(double x, double y) {
  double a = __wrap_pow(x, y), b = pow(x, y);
  compared++;
  if (same(a, b)) return 1;
  printf("FAIL pow(%a, %a): GLIBC_2.2.5 gives %a, the default version %a\n", x, y, a, b);
  return 0;
}

int main(void) {
  const double special[] = {0.0, -0.0, 1.0, -1.0, 2.0, 0.5, 3.0, -3.0, 1.0 / 3.0, 10.0, 1e-300, -1e-300, 1e300,
                            709.78, 709.79, -745.2, -745.1, 1024.0, -1075.0, DBL_MIN, DBL_TRUE_MIN, DBL_MAX, -DBL_MAX,
                            INFINITY, -INFINITY, NAN, -NAN, 0.1, 100.5, -100.5, 1e-5, 65536.0};
  const size_t n = sizeof special / sizeof special[0];
  int ok = 1;
  for (size_t i = 0; i < n && ok; i++) {
    ok = check1("exp", __wrap_exp, exp, special[i]) && check1("exp2", __wrap_exp2, exp2, special[i]) &&
         check1("log", __wrap_log, log, special[i]) && check1("log2", __wrap_log2, log2, special[i]);
    for (size_t j = 0; j < n && ok; j++) ok = check2(special[i], special[j]);
  }
  for (long i = 0; i < 1000000 && ok; i++) {
    double x = random_double(), y = random_double();
    double small = fmod(x, 800.0); /* exp/exp2 arguments that neither overflow nor underflow */
    ok = check1("exp", __wrap_exp, exp, isnan(small) ? x : small) && check1("exp2", __wrap_exp2, exp2, isnan(small) ? x : small) &&
         check1("log", __wrap_log, log, x) && check1("log2", __wrap_log2, log2, x) && check2(fabs(x), fmod(y, 64.0)) &&
         check2(x, y);
  }
  printf("%s: %ld comparisons, %s\n", ok ? "PASS" : "FAIL", compared, ok ? "identical" : "difference above");
  return ok ? 0 : 1;
}
