/*
 * Keeps the NativeAOT executable's libm imports at symbol version GLIBC_2.2.5.
 *
 * glibc 2.29 gave exp, exp2, log, log2 and pow a new default version, GLIBC_2.29: the same code without the old
 * SVID error-handling wrapper (the new implementations themselves arrived in 2.28). Linked against a newer glibc,
 * the .NET runtime's GC (log), the managed code (pow, via Math.Pow) and brotli (log2) would therefore need
 * glibc 2.29 and refuse RHEL 8 (2.28). The GLIBC_2.2.5 versions stay in every libm for old binaries (glibc
 * never removes a symbol version), compute the same results (they call the same implementation and only add
 * errno/SVID handling for domain and pole errors, which in glibc's default _POSIX_ mode returns the same values),
 * and are what Microsoft's own runtime imports: libcoreclr.so and libclrjit.so of .NET 10 bind exp, log, log2
 * and pow at GLIBC_2.2.5 (objdump -T).
 *
 * The link passes -Wl,--wrap=NAME for each (NativeLink/OldGlibc.targets): every undefined reference to NAME
 * becomes __wrap_NAME, defined here as a jump to NAME@GLIBC_2.2.5 (GNU as .symver on an undefined symbol binds
 * the reference to that version). tests/system/packages.sh checks the result (objdump -T) and runs the binary.
 */
double eniagent_exp_glibc225(double);
double eniagent_exp2_glibc225(double);
double eniagent_log_glibc225(double);
double eniagent_log2_glibc225(double);
double eniagent_pow_glibc225(double, double);

__asm__(".symver eniagent_exp_glibc225, exp@GLIBC_2.2.5");
__asm__(".symver eniagent_exp2_glibc225, exp2@GLIBC_2.2.5");
__asm__(".symver eniagent_log_glibc225, log@GLIBC_2.2.5");
__asm__(".symver eniagent_log2_glibc225, log2@GLIBC_2.2.5");
__asm__(".symver eniagent_pow_glibc225, pow@GLIBC_2.2.5");

double __wrap_exp(double x) { return eniagent_exp_glibc225(x); }
double __wrap_exp2(double x) { return eniagent_exp2_glibc225(x); }
double __wrap_log(double x) { return eniagent_log_glibc225(x); }
double __wrap_log2(double x) { return eniagent_log2_glibc225(x); }
double __wrap_pow(double x, double y) { return eniagent_pow_glibc225(x, y); }
