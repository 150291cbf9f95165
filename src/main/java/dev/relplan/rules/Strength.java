package dev.relplan.rules;

import dev.relplan.source.Location;
import java.util.List;

/** A good reliability pattern found in the repository, reported before gaps. */
public record Strength(
    Domain domain, String title, List<Location> evidence, List<String> bestPractices) {}
