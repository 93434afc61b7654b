using System.CommandLine;
using Nacre.Host.Machines;

namespace Nacre.Cli.Commands;

/// <summary>Options shared by the commands (run, test, the bench commands), with their range checks.</summary>
public static class CommonOptions
{
    public static Option<int> Cpus(int defaultValue = 1) =>
        Ranged(new Option<int>("--cpus") { Description = "virtual CPUs (QEMU -smp)", DefaultValueFactory = _ => defaultValue, HelpName = "N" },
            QemuOptions.MinCpus, QemuOptions.MaxCpus);

    public static Option<int> Memory() =>
        Ranged(new Option<int>("--memory") { Description = "guest memory in MiB (QEMU -m)", DefaultValueFactory = _ => 256, HelpName = "MiB" },
            QemuOptions.MinMemoryMiB, QemuOptions.MaxMemoryMiB);

    public static Option<double> Timeout(string what) =>
        Positive(new Option<double>("--timeout")
        {
            Description = $"seconds before QEMU is killed and {what} fails",
            DefaultValueFactory = _ => QemuOptions.DefaultTimeout.TotalSeconds,
            HelpName = "seconds",
        });

    /// <summary>--privilege for the HVM: auto (deprivileged where the host's KVM is kvm-pvm), ring0, deprivileged.</summary>
    public static Option<Nacre.Hvm.PrivilegeMode> Privilege() =>
        new("--privilege")
        {
            Description = "HVM privilege mode: auto (deprivileged on kvm-pvm hosts), ring0 or deprivileged",
            DefaultValueFactory = _ => Nacre.Hvm.PrivilegeMode.Auto,
            CustomParser = result => result.Tokens.Single().Value.ToLowerInvariant() switch
            {
                "auto" => Nacre.Hvm.PrivilegeMode.Auto,
                "ring0" => Nacre.Hvm.PrivilegeMode.Ring0,
                "deprivileged" => Nacre.Hvm.PrivilegeMode.Deprivileged,
                var other => Fail(result, $"--privilege must be auto, ring0 or deprivileged, got '{other}'"),
            },
            HelpName = "auto|ring0|deprivileged",
        };

    private static Nacre.Hvm.PrivilegeMode Fail(System.CommandLine.Parsing.ArgumentResult result, string message)
    {
        result.AddError(message);
        return Nacre.Hvm.PrivilegeMode.Auto;
    }

    /// <summary>A count of samples (the bench commands): min to 1,000,000.</summary>
    public static Option<int> Count(string name, string description, int defaultValue, int min)
    {
        var option = new Option<int>(name) { Description = description, DefaultValueFactory = _ => defaultValue, HelpName = "N" };
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<int>();
            if (value < min || value > 1_000_000)
                result.AddError($"{name} must be between {min} and 1000000, got {value}");
        });
        return option;
    }

    private static Option<int> Ranged(Option<int> option, int min, int max)
    {
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<int>();
            if (value < min || value > max)
                result.AddError($"{option.Name} must be between {min} and {max}, got {value}");
        });
        return option;
    }

    private static Option<double> Positive(Option<double> option)
    {
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<double>();
            if (!(value > 0) || double.IsInfinity(value))
                result.AddError($"{option.Name} must be a positive number of seconds, got {value}");
        });
        return option;
    }
}
