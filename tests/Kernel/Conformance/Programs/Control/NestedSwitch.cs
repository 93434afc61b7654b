using System;
using System.Collections.Generic;

namespace Conformance.Control
{
    /// <summary>switch inside loops inside switch, with break and continue crossing them.</summary>
    public static class NestedSwitch
    {
        public static int Main()
        {
            int score = 0;
            for (int i = 0; i < 6; i++)
            {
                switch (i % 3)
                {
                    case 0:
                        for (int j = 0; j < 5; j++) { switch (j) { case 1: continue; case 3: break; default: score += j; break; } if (j == 3) break; }
                        break;
                    case 1: continue;
                    default: score += 100; break;
                }
                score += 1000;
            }
            if (score != 4 * 1000 + 2 * 100 + 2 * 2) return 1;
            return 100;
        }
    }
}
