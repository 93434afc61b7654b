using System;
using Nacre.Testing;

namespace CoreLib.Tests
{
    /// <summary>Arrays of every element kind, initializers, bounds checks, jagged arrays, Array helpers.</summary>
    public static class ArrayTests
    {
        private struct Pixel { public byte R, G, B; public int Weight; }
        private sealed class Item { public int Id; }

        private static int Index(int i) => i; // not a constant: forces a real bounds check

        [Test]
        public static void PrimitiveArraysAndLength()
        {
            var bytes = new byte[10];
            var longs = new long[3];
            var doubles = new double[2];
            var chars = new char[4];
            var bools = new bool[5];
            Assert.Equal(10, bytes.Length);
            Assert.Equal(3, longs.Length);
            Assert.Equal(0, new int[0].Length);
            bytes[9] = 255;
            longs[2] = long.MinValue;
            doubles[1] = 1.5;
            chars[0] = 'z';
            bools[4] = true;
            Assert.Equal(255, bytes[9]);
            Assert.Equal(long.MinValue, longs[2]);
            Assert.Equal(1.5, doubles[1], 0.0);
            Assert.Equal('z', chars[0]);
            Assert.True(bools[4]);
            Assert.False(bools[3]);
            Assert.Equal(0, bytes[0]);
        }

        [Test]
        public static void Initializers()
        {
            var a = new[] { 1, 2, 3 };
            int[] b = { 4, 5, 6, 7 };
            string[] s = { "x", "y" };
            long[] big = { 1L << 40, -1 };
            double[] d = { 0.5, 0.25 };
            Assert.Equal(3, a.Length);
            Assert.Equal(6, a[0] + a[1] + a[2]);
            Assert.Equal(22, b[0] + b[1] + b[2] + b[3]);
            Assert.Equal("xy", s[0] + s[1]);
            Assert.Equal(1L << 40, big[0]);
            Assert.Equal(0.75, d[0] + d[1], 0.0);
            byte[] blob = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17 };
            int sum = 0;
            foreach (byte x in blob) sum += x;
            Assert.Equal(153, sum);
        }

        [Test]
        public static void StructAndClassElementArrays()
        {
            var px = new Pixel[3];
            px[1].R = 10; px[1].G = 20; px[1].B = 30; px[1].Weight = -5;
            Pixel copy = px[1];
            copy.R = 0;
            Assert.Equal(10, px[1].R);
            Assert.Equal(-5, px[1].Weight);
            Assert.Equal(0, px[2].G);
            var items = new Item[4];
            for (int i = 0; i < items.Length; i++) items[i] = new Item { Id = i * 10 };
            Assert.Equal(30, items[3].Id);
            Assert.Null((new Item[1])[0]);
        }

        [Test]
        public static void OutOfBoundsThrowsIndexOutOfRange()
        {
            int[] a = { 1, 2, 3 };
            Assert.Throws<IndexOutOfRangeException>(() => { int x = a[Index(3)]; });
            Assert.Throws<IndexOutOfRangeException>(() => { a[Index(-1)] = 0; });
            string[] s = new string[2];
            Assert.Throws<IndexOutOfRangeException>(() => { s[Index(2)] = "x"; });
            var px = new Pixel[1];
            Assert.Throws<IndexOutOfRangeException>(() => { px[Index(1)].R = 1; });
            Assert.Equal(3, a[Index(2)]);
        }

        [Test]
        public static void JaggedArrays()
        {
            int[][] tri = new int[5][];
            for (int i = 0; i < tri.Length; i++)
            {
                tri[i] = new int[i + 1];
                tri[i][0] = tri[i][i] = 1;
                for (int j = 1; j < i; j++) tri[i][j] = tri[i - 1][j - 1] + tri[i - 1][j];
            }
            Assert.Equal(6, tri[4][2]);
            Assert.Equal(4, tri[4][1]);
            Assert.Equal(5, tri[4].Length);
            string[][] words = { new[] { "a" }, new[] { "b", "c" } };
            Assert.Equal("c", words[1][1]);
            Assert.Throws<IndexOutOfRangeException>(() => { int x = tri[Index(1)][Index(2)]; });
        }

        [Test]
        public static void ArrayHelpers()
        {
            int[] src = { 5, 3, 9, 1, 7 };
            int[] dst = new int[5];
            Array.Copy(src, dst, 5);
            Assert.Equal(9, dst[2]);
            Array.Sort(dst, (x, y) => x - y);
            Assert.Equal(1, dst[0]);
            Assert.Equal(9, dst[4]);
            Assert.Equal(5, src[0]);
            Assert.Equal(2, Array.IndexOf(src, 9));
            Assert.Equal(-1, Array.IndexOf(src, 4));
            Array.Resize(ref src, 7);
            Assert.Equal(7, src.Length);
            Assert.Equal(7, src[4]);
            Assert.Equal(0, src[6]);
            Array.Clear(src, 0, 2);
            Assert.Equal(0, src[1]);
            Assert.Equal(9, src[2]);
            Assert.Equal(0, Array.Empty<string>().Length);
            Assert.Same(Array.Empty<string>(), Array.Empty<string>());
        }
    }
}
