using Nacre.Testing;

namespace CoreLib.Tests
{
    /// <summary>$"..." with the primitive types, format strings and alignment.</summary>
    public static class InterpolationTests
    {
        private static T Value<T>(T v) => v; // not a constant: the compiler cannot pre-format

        [Test]
        public static void Integers()
        {
            int i = Value(42);
            long l = Value(-9000000000L);
            uint u = Value(4000000000u);
            ulong ul = Value(ulong.MaxValue);
            Assert.Equal("i=42", $"i={i}");
            Assert.Equal("l=-9000000000", $"l={l}");
            Assert.Equal("4000000000", $"{u}");
            Assert.Equal("18446744073709551615", $"{ul}");
            Assert.Equal("-2147483648 2147483647", $"{Value(int.MinValue)} {Value(int.MaxValue)}");
            Assert.Equal("-9223372036854775808", $"{Value(long.MinValue)}");
            Assert.Equal("0", $"{Value(0)}");
            Assert.Equal("-7", $"{Value(-7)}");
        }

        [Test]
        public static void HexFormats()
        {
            int x = Value(255);
            Assert.Equal("FF", $"{x:X}");
            Assert.Equal("ff", $"{x:x}");
            Assert.Equal("000000ff", $"{x:x8}");
            Assert.Equal("00FF", $"{x:X4}");
            Assert.Equal("FFFFFFFF", $"{Value(-1):X}");
            Assert.Equal("DEADBEEF", $"{Value(0xDEADBEEFu):X}");
            Assert.Equal("123456789ABCDEF0", $"{Value(0x123456789ABCDEF0UL):X16}");
            Assert.Equal("FFFFFFFFFFFFFFFF", $"{Value(-1L):X}");
            Assert.Equal("0x0000000000001000", $"0x{Value(0x1000L):X16}");
            Assert.Equal("0A", $"{Value((byte)10):X2}");
            Assert.Equal("007", $"{Value(7):D3}");
        }

        [Test]
        public static void StringsCharsBoolsAndObjects()
        {
            string name = Value("world");
            Assert.Equal("hello, world!", $"hello, {name}!");
            Assert.Equal("[]", $"[{Value<string>(null)}]");
            Assert.Equal("c=Z", $"c={Value('Z')}");
            Assert.Equal("True/False", $"{Value(true)}/{Value(false)}");
            object o = Value<object>(12);
            Assert.Equal("obj 12", $"obj {o}");
            Assert.Equal("{braces}", $"{{braces}}");
        }

        [Test]
        public static void Doubles()
        {
            Assert.Equal("3.5", $"{Value(3.5)}");
            Assert.Equal("0.1", $"{Value(0.1)}");
            Assert.Equal("-2.25", $"{Value(-2.25)}");
            Assert.Equal("1E+20", $"{Value(1e20)}");
            Assert.Equal("0", $"{Value(0.0)}");
            Assert.Equal("100", $"{Value(100.0)}");
            Assert.Equal("3.14", $"{Value(3.14159):F2}");
            Assert.Equal("-0.50", $"{Value(-0.5):F2}");
            Assert.Equal("2", $"{Value(1.5):F0}");
            Assert.Equal("1.000", $"{Value(0.9999):F3}");
            Assert.Equal("0.3333333333333333", $"{Value(1.0 / 3)}");
            Assert.Equal("1E-05", $"{Value(0.00001)}");
            Assert.Equal("123456.789", $"{Value(123456.789)}");
        }

        [Test]
        public static void Alignment()
        {
            Assert.Equal("[   42]", $"[{Value(42),5}]");
            Assert.Equal("[42   ]", $"[{Value(42),-5}]");
            Assert.Equal("[  ab]", $"[{Value("ab"),4}]");
            Assert.Equal("[ab  ]", $"[{Value("ab"),-4}]");
        }
    }
}
