import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, Principal } from '../auth/principal';
import { GenerateReportDto } from './dto/generate-report.dto';
import { ReportsService } from './reports.service';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('programmes/:id/reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Post()
  @ApiOperation({
    summary: 'Generate the DOCX report of a closed review (quarterly, yearly, mid-term or final) and store it',
  })
  generate(@Param('id') id: string, @Body() dto: GenerateReportDto, @CurrentPrincipal() p: Principal) {
    return this.reports.generate(id, dto, p);
  }

  @Get()
  @ApiOperation({ summary: 'Reports generated for the programme, newest first' })
  list(@Param('id') id: string, @CurrentPrincipal() p: Principal) {
    return this.reports.list(id, p);
  }

  @Get(':reportId')
  @ApiProduces('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
  @ApiOperation({ summary: 'Download one report' })
  async download(
    @Param('id') id: string,
    @Param('reportId', new ParseUUIDPipe()) reportId: string,
    @CurrentPrincipal() p: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const report = await this.reports.download(id, reportId, p);
    res.setHeader('Content-Disposition', `attachment; filename="${report.fileName}"`);
    return new StreamableFile(report.content, { type: report.contentType, length: report.sizeBytes });
  }
}
