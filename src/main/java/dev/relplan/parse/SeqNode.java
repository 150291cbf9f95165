package dev.relplan.parse;

import dev.relplan.source.Location;
import java.util.List;

public record SeqNode(Location location, String tag, List<Node> items) implements Node {}
