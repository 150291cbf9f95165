package dev.relplan.parse;

import dev.relplan.model.Location;
import java.util.List;

public record SeqNode(Location location, String tag, List<Node> items) implements Node {}
