using System;
using Nacre.Testing;

namespace CoreLib.Tests
{
    /// <summary>Span and ReadOnlySpan: over arrays, stackalloc and strings; slicing and bounds.</summary>
    public static class SpanTests
    {
        private static int Index(int i) => i;

        [Test]
        public static void SpanOverArrayWritesThrough()
        {
            int[] a = { 1, 2, 3, 4, 5, 6 };
            Span<int> s = a;
            s[0] = 100;
            Assert.Equal(100, a[0]);
            Span<int> mid = s.Slice(2, 3);
            Assert.Equal(3, mid.Length);
            Assert.Equal(3, mid[0]);
            mid.Fill(-1);
            Assert.Equal(-1, a[4]);
            Assert.Equal(6, a[5]);
            Span<int> tail = s.Slice(4);
            Assert.Equal(2, tail.Length);
            int sum = 0;
            foreach (int x in s) sum += x;
            Assert.Equal(100 + 2 - 3 + 6, sum);
        }

        [Test]
        public static void StackallocSpan()
        {
            Span<long> buf = stackalloc long[16];
            for (int i = 0; i < buf.Length; i++) buf[i] = (long)i * i;
            long total = 0;
            foreach (long v in buf) total += v;
            Assert.Equal(1240, total);
            Span<byte> bytes = stackalloc byte[] { 1, 2, 3 };
            Assert.Equal(3, bytes.Length);
            Assert.Equal(2, bytes[1]);
            buf.Clear();
            Assert.Equal(0, buf[15]);
        }

        [Test]
        public static void SpanBoundsChecks()
        {
            Assert.Throws<IndexOutOfRangeException>(() =>
            {
                Span<int> s = new int[4];
                s[Index(4)] = 1;
            });
            Assert.Throws<IndexOutOfRangeException>(() =>
            {
                Span<byte> s = stackalloc byte[2];
                byte b = s[Index(-1)];
            });
            Assert.Throws<ArgumentOutOfRangeException>(() => new Span<int>(new int[4]).Slice(Index(2), Index(3)));
            Assert.Throws<ArgumentOutOfRangeException>(() => new Span<int>(new int[4]).Slice(Index(5)));
            Assert.Equal(0, new Span<int>(new int[4]).Slice(Index(4)).Length);
        }

        [Test]
        public static void ReadOnlySpanOverString()
        {
            ReadOnlySpan<char> s = "hello world".AsSpan();
            Assert.Equal(11, s.Length);
            Assert.Equal('w', s[6]);
            ReadOnlySpan<char> word = s.Slice(6, 5);
            Assert.Equal("world", new string(word));
            Assert.True(word.SequenceEqual("world".AsSpan()));
            Assert.False(word.SequenceEqual("worle".AsSpan()));
            ReadOnlySpan<char> empty = s.Slice(11);
            Assert.True(empty.IsEmpty);
            Assert.Throws<IndexOutOfRangeException>(() => { char c = "abc".AsSpan()[Index(3)]; });
        }

        [Test]
        public static void CopyToAndToArray()
        {
            int[] src = { 1, 2, 3 };
            int[] dst = new int[5];
            new ReadOnlySpan<int>(src).CopyTo(new Span<int>(dst, 1, 4));
            Assert.Equal(0, dst[0]);
            Assert.Equal(3, dst[3]);
            int[] back = new Span<int>(dst, 1, 3).ToArray();
            Assert.Equal(3, back.Length);
            Assert.Equal(1, back[0]);
            Assert.Throws<ArgumentException>(() => new ReadOnlySpan<int>(new int[3]).CopyTo(new Span<int>(new int[2])));
            Span<string> names = new string[] { "c", "a", "b" };
            names.Sort((x, y) => string.CompareOrdinal(x, y));
            Assert.Equal("a", names[0]);
            Assert.Equal("c", names[2]);
        }
    }
}
