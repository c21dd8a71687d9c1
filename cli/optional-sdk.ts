import { UsageError } from './usage-error.js';

const SSM_PACKAGE = '@aws-sdk/client-ssm';

function isMissingPackage(error: unknown, name: string): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ERR_MODULE_NOT_FOUND' && error instanceof Error && error.message.includes(`'${name}'`);
}

/**
 * Imports a module whose imports load the AWS SDK's SSM client, which the package lists
 * as an optional peer dependency because the Lambda runtime provides it.
 *
 * @throws UsageError that explains how to install the SDK when it is missing.
 */
export async function importNeedingSsm<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (!isMissingPackage(error, SSM_PACKAGE)) throw error;

    throw new UsageError(
      `This command reads the key the way the Lambda functions do, which needs the package ${SSM_PACKAGE}. ` +
        `Install it next to plex-connect with \`npm install ${SSM_PACKAGE}\`.`,
      { cause: error },
    );
  }
}
