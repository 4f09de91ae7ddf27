package dev.credreport.cli;

import picocli.CommandLine;
import picocli.CommandLine.IHelpSectionRenderer;

/**
 * How help is laid out: as wide as the terminal, and with the examples of a command's footer
 * (lines that start with two spaces) never wrapped, since a command split over two lines cannot be
 * copied and run. All other text breaks only where {@link HelpLines} allows, never inside a token a
 * user copies ({@link CopyableHelp}).
 */
final class HelpLayout {
    /** picocli's narrowest usage width; no terminal is narrower in practice. */
    private static final int MIN_WIDTH = 55;
    private static final int DEFAULT_WIDTH = 80;

    private HelpLayout() {
    }

    /** Lays out the help of the command line and all its subcommands for a terminal of this width (0: not a terminal). */
    static void apply(CommandLine commandLine, int terminalWidth) {
        int width = terminalWidth <= 0 ? DEFAULT_WIDTH : Math.max(MIN_WIDTH, terminalWidth);
        commandLine.setUsageHelpWidth(width);
        apply(commandLine);
    }

    private static void apply(CommandLine commandLine) {
        commandLine.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER, FOOTER);
        commandLine.setHelpFactory(CopyableHelp::new);
        commandLine.getSubcommands().values().forEach(HelpLayout::apply);
    }

    private static final IHelpSectionRenderer FOOTER = help -> {
        StringBuilder text = new StringBuilder();
        for (String line : help.commandSpec().usageMessage().footer()) {
            if (line.startsWith("  ")) {
                text.append(line).append('\n');
            } else {
                HelpLines.wrap(line, help.commandSpec().usageMessage().width()).forEach(wrapped -> text.append(wrapped).append('\n'));
            }
        }
        return text.toString();
    };

    /** Whether help was asked for anywhere on the command line, where the layout matters. */
    static boolean helpRequested(CommandLine.ParseResult parseResult) {
        for (CommandLine.ParseResult result = parseResult; result != null; result = result.subcommand()) {
            if (result.isUsageHelpRequested() || result.commandSpec().userObject() instanceof CommandLine.HelpCommand) {
                return true;
            }
        }
        return false;
    }
}
