using System;
using Nacre.Testing;

namespace CoreLib.Tests
{
    /// <summary>Console output of every overload: these only check that writing works (output goes to the log).</summary>
    public static class ConsoleTests
    {
        private sealed class Thing { public override string ToString() => "thing"; }

        [Test]
        public static void WriteEveryType()
        {
            Console.Write("console: ");
            Console.Write('c');
            Console.Write(' ');
            Console.Write(-12);
            Console.Write(' ');
            Console.Write(1L << 40);
            Console.Write(' ');
            Console.Write(ulong.MaxValue);
            Console.Write(' ');
            Console.Write(2.75);
            Console.Write(' ');
            Console.Write(true);
            Console.Write(' ');
            Console.Write(new Thing());
            Console.Write((string)null);
            Console.Write((object)null);
            Console.WriteLine();
            Assert.True(true);
        }

        [Test]
        public static void WriteLineEveryType()
        {
            Console.WriteLine("console line");
            Console.WriteLine('x');
            Console.WriteLine(42);
            Console.WriteLine(-42L);
            Console.WriteLine(42UL);
            Console.WriteLine(-0.125);
            Console.WriteLine(false);
            Console.WriteLine(new Thing());
            Console.WriteLine($"interpolated {7} {"text"}");
            Console.WriteLine((string)null);
            Assert.Equal("\n", Environment.NewLine);
        }
    }
}
