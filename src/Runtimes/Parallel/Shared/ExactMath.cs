namespace Nacre.Runtimes.Parallel
{
    /// <summary>
    /// Elementary functions computed by the same instructions on every platform (ports of fdlibm,
    /// error below 1 ulp), so that a program gives the same bits on Linux and in an HRT: .NET's
    /// Math.Log calls the C library, which may round differently, and Nacre's core library has
    /// none. Plain IEEE double arithmetic only (no fused multiply-add).
    /// </summary>
    public static unsafe class ExactMath
    {
        private const double Ln2Hi = 6.93147180369123816490e-01;
        private const double Ln2Lo = 1.90821492927058770002e-10;
        private const double Two54 = 1.80143985094819840000e+16;
        private const double Lg1 = 6.666666666666735130e-01;
        private const double Lg2 = 3.999999999940941908e-01;
        private const double Lg3 = 2.857142874366239149e-01;
        private const double Lg4 = 2.222219843214978396e-01;
        private const double Lg5 = 1.818357216161805012e-01;
        private const double Lg6 = 1.531383769920937332e-01;
        private const double Lg7 = 1.479819860511658591e-01;

        private static int High(double x) => (int)(*(ulong*)&x >> 32);
        private static uint Low(double x) => (uint)*(ulong*)&x;

        private static double WithHigh(double x, int high)
        {
            ulong bits = ((ulong)(uint)high << 32) | Low(x);
            return *(double*)&bits;
        }

        /// <summary>The natural logarithm (fdlibm's __ieee754_log).</summary>
        // Inlined: a call in a floating-point loop makes the caller spill every live XMM register
        // (all are caller-saved), and ilc's kernel build does not inline it on its own.
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        public static double Log(double x)
        {
            int hx = High(x);
            uint lx = Low(x);
            int k = 0;
            if (hx < 0x00100000)
            {
                if (((hx & 0x7fffffff) | (int)lx) == 0) return double.NegativeInfinity;
                if (hx < 0) return double.NaN;
                k -= 54;
                x *= Two54;                 // subnormal: scale up
                hx = High(x);
            }
            if (hx >= 0x7ff00000) return x + x;
            k += (hx >> 20) - 1023;
            hx &= 0x000fffff;
            int i = (hx + 0x95f64) & 0x100000;
            x = WithHigh(x, hx | (i ^ 0x3ff00000));   // normalise x or x/2
            k += i >> 20;
            double f = x - 1.0;
            double dk;
            if ((0x000fffff & (2 + hx)) < 3)
            {
                // |f| < 2^-20
                if (f == 0)
                {
                    if (k == 0) return 0;
                    dk = k;
                    return dk * Ln2Hi + dk * Ln2Lo;
                }
                double r0 = f * f * (0.5 - 0.33333333333333333 * f);
                if (k == 0) return f - r0;
                dk = k;
                return dk * Ln2Hi - ((r0 - dk * Ln2Lo) - f);
            }
            double s = f / (2.0 + f);
            dk = k;
            double z = s * s;
            i = hx - 0x6147a;
            double w = z * z;
            int j = 0x6b851 - hx;
            double t1 = w * (Lg2 + w * (Lg4 + w * Lg6));
            double t2 = z * (Lg1 + w * (Lg3 + w * (Lg5 + w * Lg7)));
            i |= j;
            double r = t2 + t1;
            if (i > 0)
            {
                double hfsq = 0.5 * f * f;
                if (k == 0) return f - (hfsq - s * (hfsq + r));
                return dk * Ln2Hi - ((hfsq - (s * (hfsq + r) + dk * Ln2Lo)) - f);
            }
            if (k == 0) return f - s * (f - r);
            return dk * Ln2Hi - ((s * (f - r) - dk * Ln2Lo) - f);
        }
    }
}
