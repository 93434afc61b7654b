// Tests boot QEMU guests on a 2-core machine, some with tight timeouts, and build kernel projects
// that share obj/ folders: running them one at a time keeps both timing and builds sane.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
