namespace System
{
    /// <summary>
    /// An unevaluated sum Hi + Lo of two doubles with |Lo| ≤ ulp(Hi)/2: about 106 significant bits.
    /// The elementary functions evaluate in it so that rounding the result to a double is correct
    /// except in astronomically rare near-ties. Products split operands (Dekker), so they stay
    /// exact without an FMA instruction; operands must stay below 2^995 in magnitude.
    /// </summary>
    internal readonly struct DoubleDouble
    {
        public readonly double Hi, Lo;

        public DoubleDouble(double hi, double lo) { Hi = hi; Lo = lo; }
        public static implicit operator DoubleDouble(double d) => new DoubleDouble(d, 0);
        public double Value => Hi + Lo;

        public static DoubleDouble TwoSum(double a, double b)
        {
            double s = a + b, bb = s - a;
            return new DoubleDouble(s, (a - (s - bb)) + (b - bb));
        }

        private static DoubleDouble QuickTwoSum(double a, double b)
        {
            double s = a + b;
            return new DoubleDouble(s, b - (s - a));
        }

        private static void Split(double a, out double hi, out double lo)
        {
            double t = 134217729.0 * a; // 2^27 + 1
            hi = t - (t - a);
            lo = a - hi;
        }

        /// <summary>a × b exactly.</summary>
        public static DoubleDouble TwoProd(double a, double b)
        {
            double p = a * b;
            Split(a, out double ah, out double al);
            Split(b, out double bh, out double bl);
            return new DoubleDouble(p, ((ah * bh - p) + ah * bl + al * bh) + al * bl);
        }

        public static DoubleDouble operator +(DoubleDouble a, DoubleDouble b)
        {
            DoubleDouble s = TwoSum(a.Hi, b.Hi), t = TwoSum(a.Lo, b.Lo);
            s = QuickTwoSum(s.Hi, s.Lo + t.Hi);
            return QuickTwoSum(s.Hi, s.Lo + t.Lo);
        }

        public static DoubleDouble operator -(DoubleDouble a) => new DoubleDouble(-a.Hi, -a.Lo);
        public static DoubleDouble operator -(DoubleDouble a, DoubleDouble b) => a + -b;

        public static DoubleDouble operator *(DoubleDouble a, DoubleDouble b)
        {
            DoubleDouble p = TwoProd(a.Hi, b.Hi);
            return QuickTwoSum(p.Hi, p.Lo + (a.Hi * b.Lo + a.Lo * b.Hi));
        }

        public static DoubleDouble operator *(DoubleDouble a, double b)
        {
            DoubleDouble p = TwoProd(a.Hi, b);
            return QuickTwoSum(p.Hi, p.Lo + a.Lo * b);
        }

        public static DoubleDouble operator /(DoubleDouble a, DoubleDouble b)
        {
            double q1 = a.Hi / b.Hi;
            DoubleDouble r = a - b * q1;
            double q2 = r.Hi / b.Hi;
            r -= b * q2;
            double q3 = r.Hi / b.Hi;
            return QuickTwoSum(q1, q2) + q3;
        }

        public static DoubleDouble operator /(DoubleDouble a, double b) => a / new DoubleDouble(b, 0);

        /// <summary>Scales by a power of two (exact unless it leaves the normal range).</summary>
        public DoubleDouble Scale(double powerOfTwo) => new DoubleDouble(Hi * powerOfTwo, Lo * powerOfTwo);

        public static DoubleDouble Sqrt(DoubleDouble a)
        {
            if (a.Hi <= 0) return new DoubleDouble(Math.Sqrt(a.Hi), 0);
            double x = Math.Sqrt(a.Hi);
            DoubleDouble r = a - TwoProd(x, x);
            return QuickTwoSum(x, r.Hi / (2 * x));
        }

        public static DoubleDouble PiOver2 => new DoubleDouble(MathConstants.PiOver2_0, MathConstants.PiOver2_1);
        public static DoubleDouble Pi => new DoubleDouble(MathConstants.Pi_0, MathConstants.Pi_1);
        public static DoubleDouble Ln2 => new DoubleDouble(MathConstants.Ln2_0, MathConstants.Ln2_1);
    }
}
