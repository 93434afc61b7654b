using System;
using System.Collections.Generic;
using System.Linq;

namespace Conformance.Linq
{
    /// <summary>OrderBy/ThenBy (stable, ascending and descending, with comparers) and GroupBy
    /// (groups in order of first appearance), as query syntax too.</summary>
    public static class OrderingAndGrouping
    {
        private sealed class ByLength : IComparer<string>
        {
            public int Compare(string x, string y) => x.Length.CompareTo(y.Length);
        }

        public static int Main()
        {
            var people = new (string Name, int Age)[] { ("ann", 31), ("bob", 25), ("cy", 31), ("dee", 25), ("eve", 40) };
            string Names(IEnumerable<(string Name, int Age)> xs) => string.Join(",", xs.Select(p => p.Name));

            if (Names(people.OrderBy(p => p.Age)) != "bob,dee,ann,cy,eve") return 1;             // stable
            if (Names(people.OrderByDescending(p => p.Age)) != "eve,ann,cy,bob,dee") return 2;
            if (Names(people.OrderBy(p => p.Age).ThenByDescending(p => p.Name)) != "dee,bob,cy,ann,eve") return 3;
            if (Names(people.OrderByDescending(p => p.Name.Length).ThenBy(p => p.Age)) != "bob,dee,ann,eve,cy") return 4;
            if (string.Join(",", new[] { "ccc", "a", "bb", "d" }.OrderBy(s => s, new ByLength())) != "a,d,bb,ccc") return 5;
            if (string.Join(",", new[] { 3, 1, 2 }.Order()) != "1,2,3" || string.Join(",", new[] { 3, 1, 2 }.OrderDescending()) != "3,2,1") return 6;

            var query = from p in people
                        where p.Age < 40
                        orderby p.Age descending, p.Name
                        select p.Name.ToUpperInvariant();
            if (string.Join(",", query) != "ANN,CY,BOB,DEE") return 7;

            var byAge = people.GroupBy(p => p.Age).ToList();
            if (byAge.Count != 3 || byAge[0].Key != 31 || byAge[1].Key != 25 || byAge[2].Count() != 1) return 8;
            if (Names(byAge[1]) != "bob,dee") return 9;
            var initials = people.GroupBy(p => p.Age, p => p.Name[0]).Select(g => g.Key + ":" + new string(g.ToArray()));
            if (string.Join(" ", initials) != "31:ac 25:bd 40:e") return 10;

            var grouped = from p in people group p.Name by p.Age > 30 into g select g.Key + "=" + g.Count();
            if (string.Join(",", grouped) != "True=3,False=2") return 11;

            int[] source = { 2, 1 };
            var sorted = source.OrderBy(x => x);
            source[0] = 0;                                                    // sorting happens when enumerated
            if (string.Join(",", sorted) != "0,1") return 12;
            return 100;
        }
    }
}
