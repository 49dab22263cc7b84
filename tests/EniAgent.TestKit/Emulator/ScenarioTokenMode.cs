namespace EniAgent.TestKit.Emulator;

/// <summary>Scenario <c>token-mode</c>: token-less GETs served (<see cref="Optional"/>) or refused with 403 (<see cref="Required"/>).</summary>
public enum ScenarioTokenMode
{
    Optional,
    Required,
}
