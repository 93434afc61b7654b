using System;
using System.Collections.Generic;
using Nacre.Testing;

namespace CoreLib.Tests
{
    /// <summary>Exception objects and throw: types, messages, inner exceptions, and what the runtime throws.</summary>
    public static class ExceptionTests
    {
        private sealed class MyException : InvalidOperationException
        {
            public readonly int Code;
            public MyException(int code) : base(string.Concat("my ", code.ToString())) { Code = code; }
        }

        private static void Fail(int code) => throw new MyException(code);

        [Test]
        public static void DefaultAndCustomMessages()
        {
            Assert.Equal("Specified cast is not valid.", new InvalidCastException().Message);
            Assert.Equal("Attempted to divide by zero.", new DivideByZeroException().Message);
            Assert.Equal("custom", new Exception("custom").Message);
            Assert.Equal("Value cannot be null. (Parameter 'arg')", new ArgumentNullException("arg").Message);
            Assert.Equal("The given key was not present in the dictionary.", new KeyNotFoundException().Message);
            var inner = new FormatException();
            var outer = new Exception("outer", inner);
            Assert.Same(inner, outer.InnerException);
            Assert.Equal("outer", outer.ToString());
        }

        [Test]
        public static void ThrowsCustomExceptionWithData()
        {
            var e = Assert.Throws<MyException>(() => Fail(7));
            Assert.Equal(7, e.Code);
            Assert.Equal("my 7", e.Message);
            // A subclass satisfies Throws<Base>.
            var b = Assert.Throws<InvalidOperationException>(() => Fail(8));
            Assert.True(b is MyException);
        }

        [Test]
        public static void ThrowsFromDeepInsideCalls()
        {
            var e = Assert.Throws<ArgumentException>(() => Recurse(20));
            Assert.Equal("bottom", e.Message);
        }

        private static int Recurse(int n)
        {
            if (n == 0) throw new ArgumentException("bottom");
            return Recurse(n - 1) + 1;
        }

        [Test]
        public static void NestedTraps()
        {
            int after = 0;
            var outer = Assert.Throws<FormatException>(() =>
            {
                var inner = Assert.Throws<OverflowException>(() => Math.Abs(int.MinValue + Zero()));
                Assert.NotNull(inner);
                after = 1;
                throw new FormatException();
            });
            Assert.Equal(1, after);
            Assert.NotNull(outer);
        }

        private static int Zero() => 0;

        private class Box { public int Value; public virtual int Get() => Value; }
        private static Box NoBox() => null;

        [Test]
        public static void NullDereferencesThrowNullReference()
        {
            Box b = NoBox();
            Assert.Throws<NullReferenceException>(() => { int x = b.Value; });
            Assert.Throws<NullReferenceException>(() => b.Value = 1);
            Assert.Throws<NullReferenceException>(() => b.Get());
            int[] a = null;
            Assert.Throws<NullReferenceException>(() => { int n = a.Length; });
            string s = null;
            Assert.Throws<NullReferenceException>(() => { int n = s.Length; });
        }

        [Test]
        public static void ThrowingNullThrowsNullReference()
        {
            Assert.Throws<NullReferenceException>(() => { Exception e = null; throw e; });
        }
    }
}
