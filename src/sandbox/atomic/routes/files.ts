import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../context.js';
import { placeholderPdf, verifyPresigned } from '../files/presign.js';

/**
 * Where generate-url's (and the payroll data's) download URLs point: not an Atomic endpoint but
 * the stand-in for S3. Bad or expired signatures get S3's 403.
 */
export async function fileRoutes(app: FastifyInstance, { ctx }: { ctx: EmulatorContext }): Promise<void> {
  app.get<{ Params: { taskId: string; file: string }; Querystring: { expires?: string; signature?: string } }>(
    '/__files/:taskId/:file',
    async (request, reply) => {
      const { taskId, file } = request.params;
      const fileId = file.replace(/\.pdf$/, '');
      const expires = Number(request.query.expires);
      if (!verifyPresigned(ctx.apiSecret, taskId, fileId, expires, request.query.signature ?? '', ctx.now())) {
        return reply.code(403).send({ message: 'Request has expired or the signature does not match.', statusCode: 403 });
      }
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${fileId}.pdf"`)
        .send(placeholderPdf(`Atomic emulator file ${fileId} (task ${taskId})`));
    },
  );
}
