using System.Collections.Generic;

namespace Conformance.Collections
{
    /// <summary>Stack: LIFO order, Peek, TryPop, enumeration from the top, growth past the initial capacity.</summary>
    public static class Stacks
    {
        public static int Main()
        {
            var st = new Stack<int>();
            for (int i = 0; i < 100; i++) st.Push(i);
            if (st.Count != 100 || st.Peek() != 99) return 1;
            if (st.Pop() != 99 || st.Pop() != 98) return 2;
            int first = -1;
            foreach (int x in st) { first = x; break; }
            if (first != 97) return 3;
            var arr = st.ToArray();
            if (arr[0] != 97 || arr[97] != 0) return 4;
            while (st.TryPop(out _)) { }
            if (st.Count != 0 || st.TryPeek(out _)) return 5;
            var brackets = new Stack<char>();
            foreach (char c in "([]{()})".ToCharArray())
            {
                if (c == '(' || c == '[' || c == '{') brackets.Push(c);
                else { char open = brackets.Pop(); if ("([{".IndexOf(open) != ")]}".IndexOf(c)) return 6; }
            }
            if (brackets.Count != 0) return 7;
            return 100;
        }
    }
}
