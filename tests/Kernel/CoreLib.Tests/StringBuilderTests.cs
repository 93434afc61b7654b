using System;
using System.Text;
using Nacre.Testing;

namespace CoreLib.Tests
{
    /// <summary>StringBuilder: appends of every type, growth, insert/remove, indexer.</summary>
    public static class StringBuilderTests
    {
        [Test]
        public static void AppendVariousTypes()
        {
            var sb = new StringBuilder();
            sb.Append("n=").Append(5).Append(' ').Append(-6L).Append(' ').Append(true)
              .Append(' ').Append(2.5).Append(' ').Append((object)"o").Append(' ').Append(7UL);
            Assert.Equal("n=5 -6 True 2.5 o 7", sb.ToString());
            Assert.Equal(19, sb.Length);
        }

        [Test]
        public static void GrowsPastInitialCapacity()
        {
            var sb = new StringBuilder(2);
            for (int i = 0; i < 200; i++) sb.Append((char)('a' + i % 26));
            Assert.Equal(200, sb.Length);
            string s = sb.ToString();
            Assert.Equal('a', s[0]);
            Assert.Equal('z', s[25]);
            Assert.Equal('r', s[199]);
            sb.Append('-', 3);
            Assert.True(sb.ToString().EndsWith("r---"));
        }

        [Test]
        public static void InsertRemoveClearAndIndexer()
        {
            var sb = new StringBuilder("world");
            sb.Insert(0, "hello ");
            Assert.Equal("hello world", sb.ToString());
            sb.Remove(5, 6);
            Assert.Equal("hello", sb.ToString());
            sb[0] = 'J';
            Assert.Equal('J', sb[0]);
            Assert.Equal("Jello", sb.ToString());
            sb.AppendLine("!");
            Assert.Equal("Jello!\n", sb.ToString());
            sb.Length = 2;
            Assert.Equal("Je", sb.ToString());
            sb.Clear();
            Assert.Equal(0, sb.Length);
            Assert.Equal("", sb.ToString());
            Assert.Throws<IndexOutOfRangeException>(() => { char c = sb[0]; });
            Assert.Throws<ArgumentOutOfRangeException>(() => sb.Remove(0, 1));
        }
    }
}
