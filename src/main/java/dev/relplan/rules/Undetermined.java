package dev.relplan.rules;

import dev.relplan.source.Location;
import java.util.List;

/**
 * A check that could not decide: what it would have reported, and the value it could not resolve.
 */
public record Undetermined(
    RuleMeta rule, String resource, String reason, List<Location> evidence) {}
