namespace System
{
    // Rounding to integers and to decimal places, as .NET rounds (digits overloads scale by a power
    // of ten, round, and scale back, with the same double arithmetic .NET uses).
    public static partial class Math
    {
        private const double TwoTo52 = 4503599627370496.0; // every double at least this large is an integer

        public static double Truncate(double d)
        {
            if (!(Abs(d) < TwoTo52)) return d;
            return CopySign((long)d, d); // keeps −0 for −0.5 → −0
        }

        public static double Floor(double d)
        {
            double t = Truncate(d);
            return t > d ? t - 1 : t;
        }

        public static double Ceiling(double d)
        {
            double t = Truncate(d);
            return t < d ? CopySign(t + 1, d) : t;
        }

        /// <summary>Nearest integer, ties to even (IEEE roundTiesToEven).</summary>
        public static double Round(double a)
        {
            double t = Truncate(a), f = a - t; // exact
            if (f == 0) return t;
            double af = Abs(f);
            if (af > 0.5 || (af == 0.5 && IsOddInteger(t))) return t + (a < 0 ? -1 : 1);
            return t;
        }

        public static double Round(double value, MidpointRounding mode)
        {
            switch (mode)
            {
                case MidpointRounding.ToEven: return Round(value);
                case MidpointRounding.AwayFromZero:
                    double t = Truncate(value);
                    return Abs(value - t) >= 0.5 ? t + (value < 0 ? -1 : 1) : t;
                case MidpointRounding.ToZero: return Truncate(value);
                case MidpointRounding.ToNegativeInfinity: return Floor(value);
                case MidpointRounding.ToPositiveInfinity: return Ceiling(value);
                default: ThrowHelpers.ThrowArgumentException("Invalid MidpointRounding value."); return 0;
            }
        }

        public static double Round(double value, int digits) => Round(value, digits, MidpointRounding.ToEven);

        public static double Round(double value, int digits, MidpointRounding mode)
        {
            if ((uint)digits > 15) ThrowHelpers.ThrowArgumentOutOfRangeException("digits");
            if ((uint)mode > (uint)MidpointRounding.ToPositiveInfinity) ThrowHelpers.ThrowArgumentException("Invalid MidpointRounding value.");
            if (Abs(value) < 1E+16)
            {
                double power10 = 1;
                for (int i = 0; i < digits; i++) power10 *= 10; // exact up to 1e15
                value = Round(value * power10, mode) / power10;
            }
            return value;
        }
    }
}
