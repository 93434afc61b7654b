using System;
using Nacre.Testing;

namespace Numbers.Tests
{
    /// <summary>The integer helpers of Math: exact by definition, so checked against known products and quotients.</summary>
    public static class MathIntegerTests
    {
        private static T Value<T>(T v) => v;

        [Test]
        public static void BigMulDivRemAbsClamp()
        {
            ulong high = Math.BigMul(ulong.MaxValue, ulong.MaxValue, out ulong low);
            Assert.Equal(0xFFFF_FFFF_FFFF_FFFEUL, high);
            Assert.Equal(1UL, low);
            high = Math.BigMul(0x1_0000_0001UL, 0x1_0000_0001UL, out low);
            Assert.Equal(1UL, high);
            Assert.Equal(0x2_0000_0001UL, low);
            Assert.Equal(4611686014132420609L, Math.BigMul(int.MaxValue, int.MaxValue));
            Assert.Equal(-3, Math.DivRem(-17, 5, out int rem));
            Assert.Equal(-2, rem);
            var (q, r) = Math.DivRem(17L, -5L);
            Assert.Equal(-3, q);
            Assert.Equal(2, r);
            Assert.Equal(5, Math.Abs((short)-5));
            Assert.Equal(5, Math.Abs((sbyte)-5));
            Assert.Throws<OverflowException>(() => Math.Abs(Value(short.MinValue)));
            Assert.Equal(3u, Math.Clamp(9u, 1u, 3u));
            Assert.True(Math.Clamp(-2.5, -1.0, 1.0) == -1.0 && Math.Clamp(0.5f, 0f, 1f) == 0.5f);
            Assert.Throws<ArithmeticException>(() => Math.Sign(Value(double.NaN)));
            Assert.Throws<ArgumentOutOfRangeException>(() => Math.Round(1.5, Value(16)));
        }
    }
}
