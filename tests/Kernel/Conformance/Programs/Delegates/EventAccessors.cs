using System;
using System.Collections.Generic;

namespace Conformance.Delegates
{
    /// <summary>Events: several subscribers in order, custom add/remove accessors, static events, unsubscribing inside a handler, EventHandler-style sender arguments.</summary>
    public static class EventAccessors
    {
        private sealed class Source
        {
            public event Action<Source, int> Changed;
            private Action _custom;
            public int Adds, Removes;
            public event Action Custom
            {
                add { Adds++; _custom += value; }
                remove { Removes++; _custom -= value; }
            }
            public static event Func<int, int> Transform;
            public void Raise(int v) => Changed?.Invoke(this, v);
            public void RaiseCustom() => _custom?.Invoke();
            public static int ApplyTransform(int v) => Transform == null ? v : Transform(v);
        }

        public static int Main()
        {
            var s = new Source();
            var seen = new List<int>();
            Action<Source, int> first = (src, v) => seen.Add(v);
            Action<Source, int> second = (src, v) => { if (src == s) seen.Add(v * 10); };
            s.Changed += first;
            s.Changed += second;
            s.Raise(2);
            if (seen.Count != 2 || seen[0] != 2 || seen[1] != 20) return 1;

            Action<Source, int> once = null;
            once = (src, v) => { seen.Add(-v); src.Changed -= once; };
            s.Changed += once;
            s.Raise(3);                                 // the invocation list was captured before the removal
            s.Raise(4);
            if (seen.Count != 7 || seen[4] != -3 || seen[6] != 40) return 2;

            int calls = 0;
            Action h = () => calls++;
            s.Custom += h;
            s.Custom += h;
            s.RaiseCustom();
            s.Custom -= h;
            s.RaiseCustom();
            if (calls != 3 || s.Adds != 2 || s.Removes != 1) return 3;

            Source.Transform += v => v + 1;
            Source.Transform += v => v * 100;
            if (Source.ApplyTransform(5) != 500) return 4;
            return 100;
        }
    }
}
