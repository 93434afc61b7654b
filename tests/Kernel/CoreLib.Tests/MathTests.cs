using System;
using Nacre.Testing;

namespace CoreLib.Tests
{
    /// <summary>Math functions, checked arithmetic, integer division by zero.</summary>
    public static class MathTests
    {
        private static T Value<T>(T v) => v;

        [Test]
        public static void MinMaxAbs()
        {
            Assert.Equal(-3, Math.Min(-3, 5));
            Assert.Equal(5, Math.Max(-3, 5));
            Assert.Equal(1L << 40, Math.Max(1L << 40, 7L));
            Assert.Equal(2u, Math.Min(2u, 3u));
            Assert.Equal(-0.5, Math.Min(-0.5, 0.5), 0.0);
            Assert.Equal(0.5, Math.Max(-0.5, 0.5), 0.0);
            Assert.Equal(7, Math.Abs(-7));
            Assert.Equal(7, Math.Abs(7));
            Assert.Equal(int.MaxValue, Math.Abs(-int.MaxValue));
            Assert.Equal(1L << 50, Math.Abs(-(1L << 50)));
            Assert.Equal(2.5, Math.Abs(-2.5), 0.0);
            Assert.Equal(2.5, Math.Abs(2.5), 0.0);
            Assert.True(1 / Math.Abs(-0.0) > 0, "|-0| is +0");
            Assert.True(double.IsNaN(Math.Abs(double.NaN)));
            Assert.True(Math.Abs(double.NegativeInfinity) == double.PositiveInfinity);
            System.Func<double, double> abs = Math.Abs;                  // the body, not the intrinsic
            Assert.Equal(3.25, abs(-3.25), 0.0);
            Assert.True(1 / abs(-0.0) > 0, "|-0| is +0 through a delegate");
            Assert.Equal(3, Math.Clamp(10, 0, 3));
            Assert.Equal(-1, Math.Sign(-9));
        }

        [Test]
        public static void AbsOfMinValueOverflows()
        {
            Assert.Throws<OverflowException>(() => Math.Abs(Value(int.MinValue)));
            Assert.Throws<OverflowException>(() => Math.Abs(Value(long.MinValue)));
        }

        [Test]
        public static void SqrtFloorCeiling()
        {
            Assert.Equal(3.0, Math.Sqrt(Value(9.0)), 0.0);
            Assert.Equal(1.4142135623730951, Math.Sqrt(Value(2.0)), 1e-15);
            Assert.True(double.IsNaN(Math.Sqrt(Value(-1.0))));
            Assert.Equal(2.0, Math.Floor(Value(2.7)), 0.0);
            Assert.Equal(-3.0, Math.Floor(Value(-2.1)), 0.0);
            Assert.Equal(5.0, Math.Floor(Value(5.0)), 0.0);
            Assert.Equal(3.0, Math.Ceiling(Value(2.1)), 0.0);
            Assert.Equal(-2.0, Math.Ceiling(Value(-2.7)), 0.0);
            Assert.Equal(1e300, Math.Floor(Value(1e300)), 0.0);
        }

        [Test]
        public static void CheckedArithmeticOverflows()
        {
            int max = Value(int.MaxValue);
            long lmax = Value(long.MaxValue);
            Assert.Throws<OverflowException>(() => { int x = checked(max + 1); });
            Assert.Throws<OverflowException>(() => { int x = checked(-max - 2); });
            Assert.Throws<OverflowException>(() => { int x = checked(max * 2); });
            Assert.Throws<OverflowException>(() => { long x = checked(lmax + 1); });
            Assert.Throws<OverflowException>(() => { long x = checked(lmax * 3); });
            Assert.Throws<OverflowException>(() => { uint x = checked((uint)Value(-1)); });
            Assert.Throws<OverflowException>(() => { byte x = checked((byte)Value(256)); });
            Assert.Throws<OverflowException>(() => { int x = checked((int)Value(1e10)); });
            Assert.Throws<OverflowException>(() => { ulong x = checked(Value(0UL) - 1); });
            Assert.Equal(int.MinValue, unchecked(max + 1));
            Assert.Equal(10, checked(Value(5) * 2));
        }

        [Test]
        public static void IntegerDivisionAndRemainder()
        {
            Assert.Equal(-3, Value(-7) / 2);
            Assert.Equal(-1, Value(-7) % 2);
            Assert.Equal(3, Value(7L) / 2);
            Assert.Equal(1, Value(7UL) % 2);
            Assert.Equal(2, Value(5.5) % 3.5, 0.0);
            long rem;
            Assert.Equal(4, Math.DivRem(Value(14L), 3, out rem));
            Assert.Equal(2, rem);
        }

        [Test]
        public static void IntegerDivideByZeroThrows()
        {
            int zero = Value(0);
            Assert.Throws<DivideByZeroException>(() => { int x = Value(1) / zero; });
            Assert.Throws<DivideByZeroException>(() => { long x = Value(1L) % zero; });
        }

        [Test]
        public static void MinValueDividedByMinusOneOverflows()
        {
            // .NET throws OverflowException here; x64 idiv raises #DE for it, like a zero divisor.
            int minusOne = Value(-1);
            Assert.Throws<OverflowException>(() => { int x = Value(int.MinValue) / minusOne; });
            Assert.Throws<OverflowException>(() => { long x = Value(long.MinValue) / minusOne; });
        }

        [Test]
        public static void FloatingPointSpecials()
        {
            double zero = Value(0.0);
            Assert.True(double.IsInfinity(1 / zero));
            Assert.True(double.IsNaN(zero / zero));
            Assert.True(double.PositiveInfinity > double.MaxValue);
            Assert.Equal(0.30000000000000004, Value(0.1) + 0.2, 0.0);
            Assert.Equal(1e-300 * 1e-300, 0.0, 0.0);
            Assert.Equal(3, (int)Value(3.99));
            Assert.Equal(-3, (int)Value(-3.99));
            Assert.Equal(1L << 53, (long)Value(9007199254740992.0));
        }
    }
}
