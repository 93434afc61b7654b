using System;
using System.Collections.Generic;
using Nacre.Memory;
using Nacre.Testing;

namespace CoreLib.Tests
{
    /// <summary>Dictionary&lt;TKey,TValue&gt;: string and int keys, overwrite, remove, growth, allocation-free lookups.</summary>
    public static class DictionaryTests
    {
        private struct Key : IEquatable<Key>
        {
            public int A, B;
            public bool Equals(Key other) => A == other.A && B == other.B;
            public override int GetHashCode() => A * 397 ^ B;
        }

        [Test]
        public static void StringKeys()
        {
            var d = new Dictionary<string, int>();
            d.Add("one", 1);
            d["two"] = 2;
            d["three"] = 3;
            Assert.Equal(3, d.Count);
            Assert.Equal(2, d["two"]);
            Assert.Equal(1, d[new string("one".ToCharArray())]); // equal, not identical, key
            Assert.True(d.ContainsKey("three"));
            Assert.False(d.ContainsKey("four"));
            Assert.Throws<ArgumentException>(() => d.Add("one", 11));
            Assert.False(d.TryAdd("one", 11));
            Assert.True(d.TryAdd("four", 4));
            Assert.Equal(1, d["one"]);
        }

        [Test]
        public static void OverwriteAndTryGetValue()
        {
            var d = new Dictionary<int, string>();
            d[5] = "five";
            d[5] = "FIVE";
            Assert.Equal(1, d.Count);
            Assert.Equal("FIVE", d[5]);
            Assert.True(d.TryGetValue(5, out string v));
            Assert.Equal("FIVE", v);
            Assert.False(d.TryGetValue(6, out v));
            Assert.Null(v);
            d[-5] = "minus";
            Assert.Equal("minus", d[-5]);
        }

        [Test]
        public static void MissingKeyThrowsKeyNotFound()
        {
            var d = new Dictionary<string, int>();
            d["a"] = 1;
            Assert.Throws<KeyNotFoundException>(() => { int x = d["b"]; });
            var e = new Dictionary<int, int>();
            Assert.Throws<KeyNotFoundException>(() => { int x = e[42]; });
            Assert.Throws<ArgumentNullException>(() => { int x = d[null]; });
        }

        [Test]
        public static void RemoveAndReuse()
        {
            var d = new Dictionary<int, int>();
            for (int i = 0; i < 20; i++) d[i] = i * i;
            Assert.True(d.Remove(3));
            Assert.False(d.Remove(3));
            Assert.True(d.Remove(0));
            Assert.Equal(18, d.Count);
            Assert.False(d.ContainsKey(3));
            Assert.Equal(16, d[4]);
            d[3] = 33;
            d[100] = 1;
            Assert.Equal(20, d.Count);
            Assert.Equal(33, d[3]);
            int sum = 0;
            foreach (var kv in d) sum += kv.Key;
            Assert.Equal(190 - 0 + 100, sum);
            d.Clear();
            Assert.Equal(0, d.Count);
            Assert.False(d.ContainsKey(4));
        }

        [Test]
        public static void ManyEntriesWithResize()
        {
            var d = new Dictionary<int, long>();
            for (int i = 0; i < 5000; i++) d[i * 7 - 10000] = (long)i * i;
            Assert.Equal(5000, d.Count);
            for (int i = 0; i < 5000; i++)
                if (d[i * 7 - 10000] != (long)i * i) Assert.True(false, string.Concat("wrong value for ", i.ToString()));
            Assert.False(d.ContainsKey(1));
            var s = new Dictionary<string, int>();
            for (int i = 0; i < 1000; i++) s[string.Concat("key", i.ToString())] = i;
            Assert.Equal(1000, s.Count);
            Assert.Equal(999, s["key999"]);
            Assert.Equal(500, s["key500"]);
        }

        [Test]
        public static void StructKeys()
        {
            var d = new Dictionary<Key, string>();
            d[new Key { A = 1, B = 2 }] = "1,2";
            d[new Key { A = 2, B = 1 }] = "2,1";
            Assert.Equal("1,2", d[new Key { A = 1, B = 2 }]);
            Assert.Equal("2,1", d[new Key { A = 2, B = 1 }]);
            Assert.False(d.ContainsKey(new Key { A = 1, B = 1 }));
        }

        [Test]
        public static void IntLookupsDoNotAllocate()
        {
            var d = new Dictionary<int, int>();
            for (int i = 0; i < 100; i++) d[i] = i + 1;
            long sum = 0;
            int dummy;
            d.TryGetValue(1, out dummy); // warm-up: any lazy initialisation happens here
            sum += d[2];
            ulong before = Nacre.Memory.Heap.BytesInUse;
            for (int i = 0; i < 1000; i++)
            {
                sum += d[i % 100];
                if (d.TryGetValue(i % 150, out int v)) sum += v;
                if (d.ContainsKey(i)) sum++;
            }
            ulong after = Nacre.Memory.Heap.BytesInUse;
            Assert.Equal(0UL, after - before, "bytes allocated by 1000 Dictionary<int,int> lookups");
            Assert.True(sum > 0);
        }

        [Test]
        public static void StringLookupsDoNotAllocate()
        {
            var d = new Dictionary<string, int>();
            string[] keys = { "alpha", "beta", "gamma", "delta" };
            for (int i = 0; i < keys.Length; i++) d[keys[i]] = i;
            int sum = d["beta"];
            ulong before = Nacre.Memory.Heap.BytesInUse;
            for (int i = 0; i < 1000; i++) sum += d[keys[i & 3]];
            Assert.Equal(0UL, Nacre.Memory.Heap.BytesInUse - before, "bytes allocated by 1000 Dictionary<string,int> lookups");
            Assert.True(sum > 0);
        }
    }
}
