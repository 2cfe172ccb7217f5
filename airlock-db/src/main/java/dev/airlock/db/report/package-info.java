/** Text, JSON and Markdown renderings of a verify report; strings only, the CLI prints them. */
package dev.airlock.db.report;
