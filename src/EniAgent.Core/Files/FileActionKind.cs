namespace EniAgent.Core.Files;

public enum FileActionKind
{
    /// <summary>Desired and identical on disk (content and mode).</summary>
    Unchanged,

    /// <summary>Desired and absent.</summary>
    Create,

    /// <summary>Desired, present, ours, and different.</summary>
    Update,

    /// <summary>Desired path is taken by a file that is not ours: left alone and reported.</summary>
    Conflict,

    /// <summary>Like <see cref="Conflict"/>, but adoption was asked for: back the file up, then write ours.</summary>
    Adopt,

    /// <summary>Ours and no longer desired (e.g. a detached ENI's file).</summary>
    Delete,
}
