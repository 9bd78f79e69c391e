/** A SQL string literal for a constant of ours (patterns, formats); never used for data values. */
export const sqlString = (text: string): string => `'${text.replaceAll("'", "''")}'`;
