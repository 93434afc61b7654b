using System;
using Nacre.Testing;

namespace CoreLib.Tests
{
    /// <summary>String literals, equality, searching, slicing, splitting, switch on string.</summary>
    public static class StringTests
    {
        private static int Index(int i) => i;
        private static string Runtime(string s) => new string(s.ToCharArray()); // a non-interned copy

        [Test]
        public static void LiteralsLengthAndIndexer()
        {
            string s = "Nacre";
            Assert.Equal(5, s.Length);
            Assert.Equal('N', s[0]);
            Assert.Equal('e', s[4]);
            Assert.Equal(0, "".Length);
            Assert.Same("Nacre", s); // literals are interned
            Assert.Equal(2, "\t\n".Length);
            Assert.Equal('\u00e9', "\u00e9"[0]);
            Assert.Throws<IndexOutOfRangeException>(() => { char c = s[Index(5)]; });
        }

        [Test]
        public static void EqualityIsByValue()
        {
            string a = "hello";
            string b = Runtime("hello");
            Assert.False(ReferenceEquals(a, b));
            Assert.True(a == b);
            Assert.True(a.Equals(b));
            Assert.True(a.Equals((object)b));
            Assert.False(a != b);
            Assert.False(a == "hellO");
            Assert.False(a == null);
            Assert.True((string)null == null);
            Assert.Equal(a.GetHashCode(), b.GetHashCode());
            Assert.True(string.IsNullOrEmpty(""));
            Assert.True(string.IsNullOrEmpty(null));
            Assert.False(string.IsNullOrEmpty(" "));
        }

        [Test]
        public static void ConcatOperatorsAndOverloads()
        {
            string a = "ab", b = "cd";
            Assert.Equal("abcd", a + b);
            Assert.Equal("abcdab", a + b + a);
            Assert.Equal("ab", a + null);
            Assert.Equal("x1", "x" + 1);
            Assert.Equal("abcdefgh", string.Concat("ab", "cd", "ef", "gh"));
            Assert.Equal("a-b-c", string.Join("-", new[] { "a", "b", "c" }));
            string s = "";
            for (int i = 0; i < 5; i++) s += i.ToString();
            Assert.Equal("01234", s);
            Assert.Equal("abab", new string('a', 1) + "b" + "a" + 'b');
        }

        [Test]
        public static void SubstringAndSearching()
        {
            string s = "the quick brown fox";
            Assert.Equal("quick", s.Substring(4, 5));
            Assert.Equal("fox", s.Substring(16));
            Assert.Equal("", s.Substring(19));
            Assert.True(s.StartsWith("the "));
            Assert.False(s.StartsWith("quick"));
            Assert.True(s.EndsWith("fox"));
            Assert.False(s.EndsWith("brown"));
            Assert.True(s.StartsWith('t'));
            Assert.Equal(4, s.IndexOf('q'));
            Assert.Equal(-1, s.IndexOf('z'));
            Assert.Equal(10, s.IndexOf("brown"));
            Assert.Equal(-1, s.IndexOf("browne"));
            Assert.Equal(0, s.IndexOf(""));
            Assert.Equal(17, s.LastIndexOf('o'));
            Assert.True(s.Contains("k b"));
            Assert.Throws<ArgumentOutOfRangeException>(() => s.Substring(Index(20)));
            Assert.Throws<ArgumentOutOfRangeException>(() => s.Substring(Index(10), Index(10)));
        }

        [Test]
        public static void SplitTrimCaseAndReplace()
        {
            string[] parts = "a,bb,,ccc".Split(',');
            Assert.Equal(4, parts.Length);
            Assert.Equal("a", parts[0]);
            Assert.Equal("bb", parts[1]);
            Assert.Equal("", parts[2]);
            Assert.Equal("ccc", parts[3]);
            Assert.Equal(1, "none".Split(',').Length);
            Assert.Equal("x y", "  x y \t".Trim());
            Assert.Equal("ABC1", "aBc1".ToUpperInvariant());
            Assert.Equal("abc1", "aBc1".ToLowerInvariant());
            Assert.Equal("a.b.c", "a b c".Replace(' ', '.'));
            Assert.Equal("  7", "7".PadLeft(3));
            Assert.Equal("7..", "7".PadRight(3, '.'));
            Assert.True(string.CompareOrdinal("abc", "abd") < 0);
            Assert.True(string.CompareOrdinal("b", "abc") > 0);
            Assert.Equal(0, string.CompareOrdinal("same", Runtime("same")));
        }

        [Test]
        public static void SwitchOnString()
        {
            Assert.Equal(1, Code("one"));
            Assert.Equal(2, Code(Runtime("two")));
            Assert.Equal(3, Code("three"));
            Assert.Equal(7, Code("seven"));
            Assert.Equal(8, Code("eight"));
            Assert.Equal(0, Code("zero?"));
            Assert.Equal(-1, Code(null));
            Assert.Equal(0, Code(""));
        }

        private static int Code(string word)
        {
            switch (word)
            {
                case "one": return 1;
                case "two": return 2;
                case "three": return 3;
                case "four": return 4;
                case "five": return 5;
                case "six": return 6;
                case "seven": return 7;
                case "eight": return 8;
                case "nine": return 9;
                case null: return -1;
                default: return 0;
            }
        }

        [Test]
        public static void CharsAndConversions()
        {
            char[] cs = "abc".ToCharArray();
            cs[1] = 'X';
            Assert.Equal("aXc", new string(cs));
            Assert.Equal("zzz", new string('z', 3));
            Assert.True(char.IsDigit('7'));
            Assert.False(char.IsDigit('x'));
            Assert.True(char.IsWhiteSpace('\t'));
            Assert.Equal("c", 'c'.ToString());
            Assert.Equal(-42, int.Parse("-42"));
            Assert.Equal(1234567890123L, long.Parse("1234567890123"));
        }
    }
}
