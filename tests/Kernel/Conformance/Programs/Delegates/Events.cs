using System;
using System.Collections.Generic;

namespace Conformance.Delegates
{
    /// <summary>C# events with add/remove, raising with ?.Invoke, and handlers that capture state.</summary>
    public static class Events
    {
        private sealed class Button { public event Action<int> Clicked; public void Click(int n) => Clicked?.Invoke(n); }

        public static int Main()
        {
            var b = new Button();
            b.Click(1);
            int total = 0;
            Action<int> h = n => total += n;
            b.Clicked += h;
            b.Click(5);
            if (total != 5) return 1;
            b.Clicked -= h;
            b.Click(5);
            if (total != 5) return 2;
            return 100;
        }
    }
}
