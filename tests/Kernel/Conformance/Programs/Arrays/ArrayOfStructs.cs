namespace Conformance.Arrays
{
    /// <summary>Arrays of structs with references inside: ldelema, in-place updates, default elements.</summary>
    public static class ArrayOfStructs
    {
        private struct Entry { public string Key; public int Count; public double Weight; }

        public static int Main()
        {
            var es = new Entry[3];
            es[0] = new Entry { Key = "a", Count = 1, Weight = 0.5 };
            es[1].Key = "b";
            es[1].Count += 2;
            ref Entry e = ref es[2];
            e.Key = "c";
            e.Weight = 2.5;
            if (es[2].Key != "c" || es[2].Weight != 2.5) return 1;
            int total = 0;
            double w = 0;
            string keys = "";
            foreach (var x in es) { total += x.Count; w += x.Weight; keys += x.Key; }
            if (total != 3 || w != 3.0 || keys != "abc") return 2;
            var copy = (Entry[])es.Clone();
            copy[0].Count = 50;
            if (es[0].Count != 1) return 3;
            return 100;
        }
    }
}
