using System.Collections.Generic;

namespace Conformance.Structs
{
    /// <summary>Structs holding references (strings, arrays, lists) copied by value: the references are shared, the struct is not.</summary>
    public static class StructsWithReferences
    {
        private struct Bag { public string Name; public int[] Data; public List<string> Tags; }

        public static int Main()
        {
            var a = new Bag { Name = "a", Data = new[] { 1, 2 }, Tags = new List<string>() };
            var b = a;
            b.Name = "b";
            b.Data[0] = 10;
            b.Tags.Add("t");
            if (a.Name != "a") return 1;
            if (a.Data[0] != 10 || a.Tags.Count != 1) return 2;
            b.Data = new[] { 5 };
            if (a.Data.Length != 2) return 3;
            var dict = new Dictionary<int, Bag> { [1] = a };
            var got = dict[1];
            got.Name = "changed";
            if (dict[1].Name != "a") return 4;
            return 100;
        }
    }
}
