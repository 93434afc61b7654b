using System;
using System.Collections.Generic;

namespace Conformance.Collections
{
    /// <summary>Dictionary's Keys and Values views (live, in enumeration order), construction from
    /// pairs, Remove with the value, ContainsValue and GetValueOrDefault through IReadOnlyDictionary.</summary>
    public static class DictionaryViews
    {
        private static int Total(IReadOnlyDictionary<string, int> d)
        {
            int sum = 0;
            foreach (string k in d.Keys) sum += d[k];
            return sum + d.GetValueOrDefault("missing") + d.GetValueOrDefault("missing", 1000);
        }

        public static int Main()
        {
            var ages = new Dictionary<string, int> { ["ann"] = 31, ["bob"] = 42, ["cy"] = 27 };
            int keyChars = 0, ageSum = 0;
            foreach (string name in ages.Keys) keyChars += name.Length;
            foreach (int age in ages.Values) ageSum += age;
            if (keyChars != 8 || ageSum != 100) return 1;

            Dictionary<string, int>.KeyCollection keys = ages.Keys;
            ages["dee"] = 5;                                        // the view is live
            if (keys.Count != 4 || !keys.Contains("dee") || !((ICollection<int>)ages.Values).Contains(5) || ((ICollection<int>)ages.Values).Contains(6)) return 2;

            var names = new string[5];
            keys.CopyTo(names, 1);
            if (names[0] != null || names[1] != "ann" || names[4] != "dee") return 3;
            var values = new int[4];
            ages.Values.CopyTo(values, 0);
            if (values[0] != 31 || values[3] != 5) return 4;

            if (!ages.Remove("bob", out int removed) || removed != 42 || ages.Remove("bob", out removed) || removed != 0) return 5;
            if (!ages.ContainsValue(27) || ages.ContainsValue(42)) return 6;

            var copy = new Dictionary<string, int>(ages);
            copy["ann"] = 1;
            if (ages["ann"] != 31 || copy.Count != 3) return 7;
            if (Total(ages) != 31 + 27 + 5 + 1000) return 8;

            bool threw = false;
            try { ((ICollection<string>)ages.Keys).Add("eve"); }
            catch (NotSupportedException) { threw = true; }
            if (!threw) return 9;

            threw = false;
            try { new Dictionary<string, int>(new[] { new KeyValuePair<string, int>("a", 1), new KeyValuePair<string, int>("a", 2) }); }
            catch (ArgumentException) { threw = true; }
            if (!threw) return 10;
            return 100;
        }
    }
}
