/** The engines a change can be exported for: apart from the contract, so the page names them without bundling zod. */
export const EXPORT_FORMATS = ['reg', 'powershell', 'ansible', 'gpo'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
