using System;
using System.Collections.Generic;
using Nacre.Testing;

namespace CoreLib.Tests
{
    /// <summary>List&lt;T&gt; with value and reference elements.</summary>
    public static class ListTests
    {
        private struct Entry { public int Key; public string Name; }
        private sealed class Job { public int Priority; public string Name; }

        [Test]
        public static void AddIndexAndGrow()
        {
            var list = new List<int>();
            Assert.Equal(0, list.Count);
            for (int i = 0; i < 100; i++) list.Add(i * 3);
            Assert.Equal(100, list.Count);
            Assert.True(list.Capacity >= 100);
            Assert.Equal(297, list[99]);
            list[0] = -1;
            Assert.Equal(-1, list[0]);
            Assert.Throws<ArgumentOutOfRangeException>(() => { int x = list[100]; });
            Assert.Throws<ArgumentOutOfRangeException>(() => list[-1] = 0);
        }

        [Test]
        public static void InsertRemoveContains()
        {
            var list = new List<string>();
            list.Add("b");
            list.Add("d");
            list.Insert(0, "a");
            list.Insert(2, "c");
            list.Insert(4, "e");
            Assert.Equal("a,b,c,d,e", string.Join(",", list.ToArray()));
            Assert.True(list.Remove("c"));
            Assert.False(list.Remove("zz"));
            list.RemoveAt(0);
            Assert.Equal("b,d,e", string.Join(",", list.ToArray()));
            Assert.True(list.Contains("e"));
            Assert.False(list.Contains("a"));
            Assert.Equal(1, list.IndexOf("d"));
            list.Clear();
            Assert.Equal(0, list.Count);
            Assert.Throws<ArgumentOutOfRangeException>(() => list.Insert(1, "x"));
        }

        [Test]
        public static void SortAndForeach()
        {
            var list = new List<int>();
            int seed = 12345;
            for (int i = 0; i < 50; i++)
            {
                seed = seed * 1103515245 + 12345;
                list.Add((seed >> 8) & 1023);
            }
            list.Sort((a, b) => a.CompareTo(b));
            for (int i = 1; i < list.Count; i++) Assert.True(list[i - 1] <= list[i], "not sorted");
            long total = 0;
            foreach (int v in list) total += v;
            long check = 0;
            list.ForEach(v => check += v);
            Assert.Equal(total, check);
        }

        [Test]
        public static void StructElements()
        {
            var list = new List<Entry>();
            for (int i = 0; i < 10; i++) list.Add(new Entry { Key = i, Name = i.ToString() });
            Entry e = list[4];
            e.Name = "changed";
            Assert.Equal("4", list[4].Name); // the indexer returns a copy
            list.Sort((a, b) => b.Key - a.Key);
            Assert.Equal(9, list[0].Key);
            Assert.Equal("0", list[9].Name);
            Assert.Equal(7, list.Find(x => x.Key == 7).Key);
        }

        [Test]
        public static void ClassElements()
        {
            var jobs = new List<Job>();
            jobs.Add(new Job { Priority = 2, Name = "b" });
            jobs.Add(new Job { Priority = 1, Name = "a" });
            jobs.Add(new Job { Priority = 3, Name = "c" });
            jobs.Sort((x, y) => x.Priority - y.Priority);
            string order = "";
            foreach (var j in jobs) order += j.Name;
            Assert.Equal("abc", order);
            jobs[0].Priority = 10; // reference elements are shared
            Assert.Equal(10, jobs.Find(j => j.Name == "a").Priority);
            Assert.Null(jobs.Find(j => j.Name == "zz"));
            var copy = new List<Job>();
            copy.AddRange(jobs);
            Assert.Same(jobs[2], copy[2]);
        }
    }
}
