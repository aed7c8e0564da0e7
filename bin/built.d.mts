/** Types of bin/built.mjs (plain JavaScript, so the CLI needs no compiler to choose dist/ or src/). */
export declare const STAMP: string;
export declare function distIsCurrent(root: string): boolean;
