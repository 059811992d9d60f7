export declare const root: string;
export declare const nextBin: string;
export declare const distDir: string;
export declare function needsBuild(): boolean;
export declare function buildIfNeeded(): number;
export declare const serveScript: string;
